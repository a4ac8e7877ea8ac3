//! Binding the listeners, the startup lines, and shutdown on SIGTERM/SIGINT.

use std::future::IntoFuture;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::cli::Cli;
use crate::routes::api_router;
use crate::state::{AppState, Config};
use crate::static_files::{normalize_prefix, static_router};

/// Starts the API on `127.0.0.1:0` in the background (for tests); returns its address.
pub async fn spawn_api(config: Config) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let app = api_router(AppState::new(config));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(addr)
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Runs the binary until SIGTERM/SIGINT.
pub async fn run(cli: Cli) -> ExitCode {
    let config = Config {
        validate_with: cli.validate_with.clone(),
        latency_ms: cli.latency_ms,
    };
    let api = match TcpListener::bind((cli.host.as_str(), cli.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "local-backend: cannot listen on {}:{}: {e}",
                cli.host, cli.port
            );
            return ExitCode::FAILURE;
        }
    };
    let site = match &cli.static_dir {
        Some(dir) => {
            if !dir.is_dir() {
                eprintln!(
                    "local-backend: --static-dir {} is not a directory",
                    dir.display()
                );
                return ExitCode::FAILURE;
            }
            match TcpListener::bind((cli.host.as_str(), cli.static_port)).await {
                Ok(l) => Some((l, dir.clone())),
                Err(e) => {
                    eprintln!(
                        "local-backend: cannot listen on {}:{}: {e}",
                        cli.host, cli.static_port
                    );
                    return ExitCode::FAILURE;
                }
            }
        }
        None => None,
    };

    let (stop_tx, stop_rx) = watch::channel(false);
    let stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|v| *v).await;
    };

    let api_addr = api.local_addr().expect("bound address");
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "local-backend: api http://{api_addr}/v1");
    let mut tasks = Vec::new();
    tasks.push(tokio::spawn(
        axum::serve(api, api_router(AppState::new(config)))
            .with_graceful_shutdown(stopped(stop_rx.clone()))
            .into_future(),
    ));
    if let Some((listener, dir)) = site {
        let prefix = normalize_prefix(&cli.static_prefix);
        let addr = listener.local_addr().expect("bound address");
        let _ = writeln!(out, "local-backend: app http://{addr}{prefix}");
        tasks.push(tokio::spawn(
            axum::serve(listener, static_router(dir, &prefix))
                .with_graceful_shutdown(stopped(stop_rx.clone()))
                .into_future(),
        ));
    }
    let _ = out.flush();
    drop(out);

    shutdown_signal().await;
    let _ = stop_tx.send(true);
    // Give open connections (streams, delayed answers) a moment, then leave anyway.
    let all = futures_util::future::join_all(tasks);
    let _ = tokio::time::timeout(Duration::from_secs(2), all).await;
    ExitCode::SUCCESS
}
