//! What the end-to-end tests and the browser benchmark share: a static file server
//! on 127.0.0.1 standing in for any static host, and a WebDriver client for headless
//! Chromium. Native only; never part of what the pages ship.

pub mod server;
pub mod webdriver;

use std::path::PathBuf;

/// A file or folder of the repository by its path from the repository's root
/// (`curricula/demo.json`), canonical, as ChromeDriver needs for a file field.
pub fn repo_path(path: &str) -> PathBuf {
    let joined = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(path);
    joined
        .canonicalize()
        .unwrap_or_else(|error| panic!("{}: {error}", joined.display()))
}
