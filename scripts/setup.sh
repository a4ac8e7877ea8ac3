# Sourced by scripts/serve and scripts/test: installs whatever is missing, nothing twice.
# Needs: Rust (rustup), node 20 + npm. Reaches only crates.io, npm and Debian's packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TRUNK_VERSION="0.21.14"

# Build artefacts live outside the checkout, so a fresh clone on a machine that built before
# (CI clones anew each run) reuses the compiled dependencies instead of rebuilding for minutes.
# A CARGO_TARGET_DIR set by the caller wins; a fresh machine starts the cache here.
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/gpt-image-studio/target"
fi
mkdir -p "$CARGO_TARGET_DIR"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION" && return
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock. No --locked: one of its
# locked dependencies is missing from the registry mirror.
ensure_wasm_bindgen() {
  local version
  version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")"
  [ -n "$version" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
  wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version" && return
  say "installing wasm-bindgen-cli $version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$version" --force
}

# The wasm splitter behind Leptos' #[lazy] (scripts/split-wasm.mjs runs it after a release
# build). It has no --version: a stamp file records the installed version. No --locked.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split() {
  command -v wasm-split-cli >/dev/null && [ -f "${CARGO_HOME:-$HOME/.cargo}/.wasm-split-$WASM_SPLIT_VERSION" ] && return
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
  touch "${CARGO_HOME:-$HOME/.cargo}/.wasm-split-$WASM_SPLIT_VERSION"
}

# npm packages (Playwright, Steady, binaryen's wasm-opt) from the committed lockfile,
# reinstalled only when the lockfile changes.
ensure_npm() {
  local stamp="$ROOT/node_modules/.lock-sha"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

ensure_chromium() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return
  say "installing Debian's chromium and chromium-driver"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
}

# LiteLLM's proxy (PyPI), the most used self-hosted OpenAI-compatible gateway, for the tests
# that go through a real gateway. In a virtualenv in the build cache, from the committed lock
# (tests/gateways/litellm-requirements.txt); sets LITELLM_BIN.
LITELLM_VERSION="1.108.7"
ensure_litellm() {
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/gpt-image-studio/litellm-$LITELLM_VERSION"
  local lock="$ROOT/tests/gateways/litellm-requirements.txt"
  local stamp="$venv/.lock-sha" want
  want="$(sha256sum "$lock" | cut -d' ' -f1)"
  export LITELLM_BIN="$venv/bin/litellm"
  [ -x "$LITELLM_BIN" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  say "installing the LiteLLM proxy $LITELLM_VERSION from PyPI into $venv (about a minute, once)"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  # The lock pins every package; where this Python has no wheel for one of them, the
  # release's own requirements are used instead.
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$lock" \
    || "$venv/bin/pip" install -q --disable-pip-version-check "litellm[proxy]==$LITELLM_VERSION"
  echo "$want" > "$stamp"
}

# Starts LiteLLM in front of the local backend at $1 (an .../v1 URL) on port $2, logging to
# $3; sets LITELLM_URL and LITELLM_KEY (the proxy's master key: the key the app sends).
start_litellm() {
  local upstream="$1" port="$2" log="$3"
  local config="${log%.log}.yaml"
  LITELLM_KEY="sk-local-litellm-0123456789abcdef"
  cat > "$config" <<YAML
model_list:
  - model_name: gpt-image-2
    litellm_params:
      model: openai/gpt-image-2
      api_base: $upstream
      api_key: sk-local
general_settings:
  master_key: $LITELLM_KEY
YAML
  LITELLM_LOCAL_MODEL_COST_MAP=True "$LITELLM_BIN" --config "$config" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  LITELLM_PID=$!
  for _ in $(seq 1 240); do
    if grep -q "Uvicorn running on" "$log" 2>/dev/null; then
      LITELLM_URL="http://127.0.0.1:$port/v1"
      return
    fi
    kill -0 "$LITELLM_PID" 2>/dev/null || { cat "$log" >&2; echo "LiteLLM failed to start" >&2; exit 1; }
    sleep 0.5
  done
  echo "LiteLLM did not become ready; see $log" >&2
  exit 1
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
}

# Prints a free loopback TCP port.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Starts Steady (OpenAI's spec as a validating mock) on $1 and waits until its port answers.
# (Its startup banner differs with CI=true, so readiness is probed, not read from the log.)
start_steady() {
  local port="$1" log="$2"
  steady --host 127.0.0.1 -p "$port" --validator-form-array-format=brackets \
    --validator-form-object-format=brackets "$ROOT/../shared/spec/openai-openapi.json" >"$log" 2>&1 &
  STEADY_PID=$!
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return; fi
    kill -0 "$STEADY_PID" 2>/dev/null || { cat "$log" >&2; echo "Steady failed to start" >&2; exit 1; }
    sleep 0.5
  done
  echo "Steady did not become ready; see $log" >&2
  exit 1
}

# Starts the local backend with the given arguments and sets API_URL (and APP_URL) from the
# lines it prints.
start_backend() {
  local log="$1"; shift
  "$CARGO_TARGET_DIR/debug/local-backend" "$@" >"$log" 2>&1 &
  BACKEND_PID=$!
  for _ in $(seq 1 100); do
    API_URL="$(sed -n 's/^local-backend: api //p' "$log" | head -n1)"
    APP_URL="$(sed -n 's/^local-backend: app //p' "$log" | head -n1)"
    [ -n "$API_URL" ] && return
    kill -0 "$BACKEND_PID" 2>/dev/null || { cat "$log" >&2; echo "local backend failed to start" >&2; exit 1; }
    sleep 0.2
  done
  echo "local backend did not start; see $log" >&2
  exit 1
}
