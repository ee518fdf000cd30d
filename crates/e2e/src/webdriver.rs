//! Just enough of the W3C WebDriver protocol to drive headless Chromium through
//! ChromeDriver on loopback: JSON over HTTP/1.1, spoken with std's TcpStream so the
//! tests need no async runtime or TLS stack.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The key WebDriver uses for element references in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Run in every page before its own scripts (through the DevTools protocol): keeps
/// each content-security-policy violation the page reports, for
/// `Browser::policy_violations`.
const VIOLATION_RECORDER: &str = "window.__policyViolations = []; \
    document.addEventListener('securitypolicyviolation', e => \
      window.__policyViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));";

/// Flags this closed network needs: no background requests to Google's services.
const CHROMIUM_ARGS: [&str; 10] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,900",
];

pub type Result<T> = std::result::Result<T, String>;

#[derive(Debug, Clone)]
pub struct Element(String);

/// One browser session with its own ChromeDriver and a fresh profile; closed on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: PathBuf,
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

impl Browser {
    pub fn start() -> Result<Browser> {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port()?;
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e} (make test installs it)"))?;
        static PROFILES: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "masterly-e2e-{}-{}",
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile,
        };
        browser.wait_until_ready()?;
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", browser.profile.display()));
        let created = browser.request(
            "POST",
            "/session",
            Some(json!({
                "capabilities": { "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": chromium, "args": args }
                }}
            })),
        )?;
        browser.session = created["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {created}"))?
            .to_string();
        // Finding an element waits up to this long for it to appear: the app renders
        // asynchronously, and this is a condition, not a sleep.
        browser.command(
            "POST",
            "timeouts",
            Some(json!({"implicit": 15000, "script": 30000})),
        )?;
        browser.command(
            "POST",
            "goog/cdp/execute",
            Some(json!({
                "cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": { "source": VIOLATION_RECORDER }
            })),
        )?;
        Ok(browser)
    }

    /// Polls ChromeDriver's status endpoint until it accepts sessions.
    fn wait_until_ready(&self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(status) = self.request("GET", "/status", None) {
                if status["ready"].as_bool() == Some(true) {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err("ChromeDriver did not become ready within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.request(method, &format!("/session/{}/{path}", self.session), body)
    }

    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(|e| e.to_string())?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .map_err(|e| e.to_string())?;
        let text = read_http_body(stream)?;
        let parsed: Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
        let value = parsed.get("value").cloned().unwrap_or(Value::Null);
        if let Some(error) = value.get("error").and_then(Value::as_str) {
            let message = value["message"].as_str().unwrap_or("");
            return Err(format!("{method} {path}: {error}: {message}"));
        }
        Ok(value)
    }

    /// Every content-security-policy violation the page has reported since it loaded
    /// (directive and what was blocked). An error if the recorder is not in the page.
    pub fn policy_violations(&self) -> Result<Vec<String>> {
        let found = self.execute("return window.__policyViolations || null")?;
        let list = found
            .as_array()
            .ok_or_else(|| format!("the violation recorder is not in this page: {found}"))?;
        Ok(list
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect())
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.command("POST", "url", Some(json!({ "url": url })))
            .map(drop)
    }

    /// The browser's Back button.
    pub fn back(&self) -> Result<()> {
        self.command("POST", "back", Some(json!({}))).map(drop)
    }

    /// The browser's Forward button.
    pub fn forward(&self) -> Result<()> {
        self.command("POST", "forward", Some(json!({}))).map(drop)
    }

    /// The first element matching `css`, waiting for it to appear.
    pub fn find(&self, css: &str) -> Result<Element> {
        let found = self.command(
            "POST",
            "element",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        element_of(&found).ok_or_else(|| format!("no element reference for {css}: {found}"))
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.command(
            "POST",
            "elements",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        Ok(found
            .as_array()
            .map(|list| list.iter().filter_map(element_of).collect())
            .unwrap_or_default())
    }

    pub fn text(&self, element: &Element) -> Result<String> {
        let value = self.command("GET", &format!("element/{}/text", element.0), None)?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    pub fn texts(&self, css: &str) -> Result<Vec<String>> {
        self.find_all(css)?.iter().map(|e| self.text(e)).collect()
    }

    /// Presses and releases each key in turn, wherever focus is, as a keyboard
    /// user would ("\u{E004}" is Tab, "\u{E007}" Enter, "\u{E00D}" Space).
    pub fn press(&self, keys: &str) -> Result<()> {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                let key = key.to_string();
                [
                    json!({"type": "keyDown", "value": key}),
                    json!({"type": "keyUp", "value": key}),
                ]
            })
            .collect();
        self.command(
            "POST",
            "actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        )
        .map(drop)
    }

    /// Clicks the first element matching `css`, waiting for it to appear.
    pub fn click(&self, css: &str) -> Result<()> {
        let element = self.find(css)?;
        self.command(
            "POST",
            &format!("element/{}/click", element.0),
            Some(json!({})),
        )
        .map(drop)
        .map_err(|e| format!("click {css}: {e}"))
    }

    /// Types `text` into the first element matching `css`, key by key.
    pub fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let element = self.find(css)?;
        self.command(
            "POST",
            &format!("element/{}/value", element.0),
            Some(json!({ "text": text })),
        )
        .map(drop)
        .map_err(|e| format!("type into {css}: {e}"))
    }

    /// Empties the text field matching `css`.
    pub fn clear(&self, css: &str) -> Result<()> {
        let element = self.find(css)?;
        self.command(
            "POST",
            &format!("element/{}/clear", element.0),
            Some(json!({})),
        )
        .map(drop)
        .map_err(|e| format!("clear {css}: {e}"))
    }

    /// An attribute of the first element matching `css`.
    pub fn attribute(&self, css: &str, name: &str) -> Result<Option<String>> {
        let element = self.find(css)?;
        let value = self.command(
            "GET",
            &format!("element/{}/attribute/{name}", element.0),
            None,
        )?;
        Ok(value.as_str().map(str::to_string))
    }

    /// Polls a JavaScript expression until it is true: a condition, not a sleep.
    pub fn wait_until(&self, expression: &str, what: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.execute(&format!("return !!({expression});"))? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out after 15 s waiting for {what}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the window, to see a screen as a phone (320 px wide) or a laptop shows it.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.command(
            "POST",
            "window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .map(drop)
    }

    /// A PNG of the window, base64-encoded as WebDriver returns it.
    pub fn screenshot_base64(&self) -> Result<String> {
        let value = self.command("GET", "screenshot", None)?;
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("no screenshot in {value}"))
    }

    /// The page printed to PDF (landscape or portrait), base64-encoded as WebDriver
    /// returns it.
    pub fn print_base64(&self, landscape: bool) -> Result<String> {
        let orientation = if landscape { "landscape" } else { "portrait" };
        let value = self.command(
            "POST",
            "print",
            Some(json!({"orientation": orientation, "background": true})),
        )?;
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("no PDF in {value}"))
    }

    /// Runs `script` as a function body in the page and returns its result.
    pub fn execute(&self, script: &str) -> Result<Value> {
        self.command(
            "POST",
            "execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Chooses the option of the `<select>` at `css` whose text starts with
    /// `text`, and tells the page it changed, as choosing it by hand does.
    pub fn choose_option(&self, css: &str, text: &str) -> Result<()> {
        let script = format!(
            "const select = document.querySelector({css}); \
             const option = [...select.options].find(o => o.textContent.startsWith({text})); \
             select.value = option.value; \
             select.dispatchEvent(new Event('change', {{ bubbles: true }}));",
            css = json!(css),
            text = json!(text),
        );
        self.execute(&script).map(|_| ())
    }

    /// Runs `script`, whose last argument is a callback to call with the result.
    pub fn execute_async(&self, script: &str) -> Result<Value> {
        self.command(
            "POST",
            "execute/async",
            Some(json!({"script": script, "args": []})),
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.request("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn element_of(value: &Value) -> Option<Element> {
    value
        .get(ELEMENT_KEY)
        .and_then(Value::as_str)
        .map(|id| Element(id.to_string()))
}

/// Reads an HTTP/1.1 response and returns its body, honouring Content-Length and
/// chunked transfer encoding.
fn read_http_body(stream: TcpStream) -> Result<String> {
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status).map_err(|e| e.to_string())?;
    let (mut length, mut chunked) = (None, false);
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse::<usize>().ok();
        } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size_line = String::new();
            reader
                .read_line(&mut size_line)
                .map_err(|e| e.to_string())?;
            let size = usize::from_str_radix(size_line.trim().split(';').next().unwrap_or("0"), 16)
                .map_err(|e| format!("bad chunk size {size_line:?}: {e}"))?;
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(length) = length {
        body.resize(length, 0);
        reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    } else {
        reader.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    String::from_utf8(body).map_err(|e| e.to_string())
}
