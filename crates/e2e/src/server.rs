//! A plain static file server on 127.0.0.1, standing in for any static host. It can
//! mount `dist/` under a sub-path (as GitHub Pages does) and records every path
//! requested, so tests can check that the app asks for nothing but its own files.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// Files written for a file field to be given; the folder is removed when this is
/// dropped, so a failing test or an interrupted bench leaves nothing behind.
pub struct StudentFiles {
    folder: PathBuf,
    pub paths: Vec<String>,
}

impl Drop for StudentFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// Writes `files` as `student-NN.json` into a fresh folder of the system's temporary
/// directory (named after `purpose` and this process).
pub fn write_student_files(purpose: &str, files: &[String]) -> StudentFiles {
    let folder = std::env::temp_dir().join(format!("masterly-{purpose}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
    let mut written = StudentFiles {
        folder,
        paths: Vec::new(),
    };
    written.paths = files
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = written.folder.join(format!("student-{i:02}.json"));
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            path.display().to_string()
        })
        .collect();
    written
}

pub struct StaticServer {
    pub origin: String,
    /// The URL of the mounted folder, ending in '/'.
    pub base_url: String,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    port: u16,
}

/// The release build to serve: `$MASTERLY_DIST`, or `dist/` of the checkout. Fails
/// with what to run when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("MASTERLY_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_path(".").join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build it first with `trunk build --release` \
         (make test and make bench-browser do)",
        dist.display()
    );
    dist
}

impl StaticServer {
    /// Serves `root` at `mount` (e.g. "/" or "/masterly/") on a free loopback port.
    pub fn start(root: &Path, mount: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (root, mount_owned) = (root.to_path_buf(), mount.to_string());
        let (log, stopping) = (requests.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, mount, log) = (root.clone(), mount_owned.clone(), log.clone());
                thread::spawn(move || serve_one(stream, &root, &mount, &log));
            }
        });
        let origin = format!("http://127.0.0.1:{port}");
        StaticServer {
            base_url: format!("{origin}{mount}"),
            origin,
            requests,
            stop,
            port,
        }
    }

    pub fn requested_paths(&self) -> Vec<String> {
        self.requests
            .lock()
            .map(|log| log.clone())
            .unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve_one(stream: TcpStream, root: &Path, mount: &str, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(clone) => clone,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers; only GET of a path matters to a static host.
    let mut header = String::new();
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Ok(mut entries) = log.lock() {
        entries.push(path.clone());
    }
    let response = if method != "GET" && method != "HEAD" {
        (405, "text/plain", b"method not allowed".to_vec())
    } else {
        match resolve(root, mount, &path)
            .and_then(|file| std::fs::read(&file).ok().map(|body| (file, body)))
        {
            Some((file, body)) => (200, content_type(&file), body),
            None => (404, "text/plain", b"not found".to_vec()),
        }
    };
    let (status, kind, body) = response;
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// Maps a URL path under `mount` to a file under `root`, refusing anything that
/// would leave `root`.
fn resolve(root: &Path, mount: &str, path: &str) -> Option<PathBuf> {
    let relative = path.strip_prefix(mount)?;
    let relative = relative.replace("%20", " ");
    let mut file = root.to_path_buf();
    for component in Path::new(&relative).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
