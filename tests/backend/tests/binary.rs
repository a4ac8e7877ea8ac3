//! The binary: startup lines, the static app listener, clean exit on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

#[tokio::test]
async fn binary_prints_addresses_serves_app_and_exits_on_sigterm() {
    let dir = std::env::temp_dir().join(format!("local-backend-static-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>studio</title>",
    )
    .unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("app.js"), "export default 1;").unwrap();
    std::fs::write(dir.join("assets/index.html"), "assets").unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_local-backend"))
        .args([
            "--port",
            "0",
            "--static-port",
            "0",
            "--static-prefix",
            "/tools/studio/",
        ])
        .arg("--static-dir")
        .arg(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let api_line = lines.next().unwrap().unwrap();
    let app_line = lines.next().unwrap().unwrap();
    let api = api_line
        .strip_prefix("local-backend: api http://127.0.0.1:")
        .and_then(|r| r.strip_suffix("/v1"))
        .unwrap_or_else(|| panic!("{api_line}"));
    let app = app_line
        .strip_prefix("local-backend: app http://127.0.0.1:")
        .and_then(|r| r.strip_suffix("/tools/studio/"))
        .unwrap_or_else(|| panic!("{app_line}"));
    let api_port: u16 = api.parse().unwrap();
    let app_port: u16 = app.parse().unwrap();
    assert_ne!(api_port, app_port);

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let health = client
        .get(format!("http://127.0.0.1:{api_port}/__admin/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);

    let app = format!("http://127.0.0.1:{app_port}");
    let r = client
        .get(format!("{app}/tools/studio/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(r.text().await.unwrap().contains("studio"));
    let r = client
        .get(format!("{app}/tools/studio/app_bg.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/wasm");
    let r = client
        .get(format!("{app}/tools/studio/app.js"))
        .send()
        .await
        .unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    let r = client
        .get(format!("{app}/tools/studio/missing.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = client.get(format!("{app}/elsewhere")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let r = client
        .get(format!("{app}/tools/studio"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_redirection());
    assert_eq!(r.headers()["location"], "/tools/studio/");
    let r = client
        .get(format!("{app}/tools/studio/assets"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_redirection());
    assert_eq!(r.headers()["location"], "/tools/studio/assets/");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut waited = Duration::ZERO;
    let code = loop {
        if let Some(code) = child.try_wait().unwrap() {
            break code;
        }
        assert!(waited < Duration::from_secs(5), "did not exit on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
        waited += Duration::from_millis(50);
    };
    assert!(code.success(), "{code:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
