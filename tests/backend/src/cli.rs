//! Command line.

use std::path::PathBuf;

use clap::Parser;

/// Local OpenAI-compatible image API for demos and end-to-end tests.
#[derive(Debug, Clone, Parser)]
#[command(name = "local-backend", version, about)]
pub struct Cli {
    /// Address to listen on (both listeners).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,

    /// API port (0 = ephemeral).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,

    /// Base URL of a Steady mock server (e.g. http://127.0.0.1:4010) that validates every
    /// image request before it is answered.
    #[arg(long, value_name = "URL")]
    pub validate_with: Option<String>,

    /// Serve a built single-page app from DIR on a second listener.
    #[arg(long, value_name = "DIR")]
    pub static_dir: Option<PathBuf>,

    /// Port of the app listener (0 = ephemeral).
    #[arg(long, default_value_t = 8788)]
    pub static_port: u16,

    /// Path under which the app is served, e.g. /tools/studio/.
    #[arg(long, default_value = "/")]
    pub static_prefix: String,

    /// Extra delay in milliseconds before every image answer.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
}
