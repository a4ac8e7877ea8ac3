// Lazy-loaded wasm chunks (`#[lazy]`, split in scripts/split-wasm.mjs after Trunk's build)
// need the linker's relocations in the page's raw wasm; only the page's bin gets them.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=gpt-image-studio=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
