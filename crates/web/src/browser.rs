//! The few facts the shell asks of the browser: the clock, randomness, the time
//! zone, whether the page is visible, and saving a file to the student's device.

use masterly_core::time::Millis;
use wasm_bindgen::JsCast;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Resolves after about `ms` milliseconds (the browser's timer; at once without a
/// window).
pub async fn pause(ms: i32) {
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().map(|window| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
        });
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(waited).await;
}

/// 64 random bits, for ids and for choosing item instances. Not for secrets.
pub fn random_u64() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// Minutes the local time zone is ahead of UTC.
pub fn utc_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// True on the first page of this tab since the browser was opened: the tab's
/// session storage (kept across reloads, emptied when the browser closes) does not
/// yet hold the mark this sets. False when session storage is blocked.
pub fn first_page_since_the_browser_opened() -> bool {
    const MARK: &str = "masterly.open";
    let Some(storage) = session_storage() else {
        return false;
    };
    let first = matches!(storage.get_item(MARK), Ok(None));
    first && storage.set_item(MARK, "1").is_ok()
}

/// Opens the browser's print dialog with `class` on the body while it is open, so
/// the print style sheet shows only what that class selects (a report, a summary).
pub fn print_with(class: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|document| document.body()) else {
        return;
    };
    let classes = body.class_list();
    let _ = classes.add_1(class);
    let _ = window.print();
    let _ = classes.remove_1(class);
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// A value this tab's session storage holds (kept across reloads, forgotten when
/// the tab closes).
pub fn session_value(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keeps a value in this tab's session storage; false when it is full or blocked.
pub fn keep_in_session(key: &str, value: &str) -> bool {
    session_storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

pub fn forget_in_session(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn page_visible() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_none_or(|document| document.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Offers JSON text as a file download. Returns false when the browser refused.
pub fn download(file_name: &str, text: &str) -> bool {
    download_as(file_name, "application/json", text)
}

/// Offers text of this media type as a file download.
pub fn download_as(file_name: &str, media_type: &str, text: &str) -> bool {
    let attempt = || -> Option<()> {
        let url = object_url(text, media_type)?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        web_sys::Url::revoke_object_url(&url).ok()?;
        Some(())
    };
    attempt().is_some()
}

/// A `blob:` URL holding `text` as this media type; revoke it when done.
fn object_url(text: &str, media_type: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The performance mark set when the first screen is ready for input; the browser
/// benchmark reads its time from navigation start.
pub const FIRST_SCREEN_MARK: &str = "masterly-first-screen";

/// Performance marks set by the teacher's page when the chosen files have been
/// read, when they have been imported into the class, and when the reports have
/// been built (before they are drawn); the browser benchmark reports the time
/// between them.
pub const FILES_READ_MARK: &str = "masterly-files-read";
pub const FILES_IMPORTED_MARK: &str = "masterly-files-imported";
pub const REPORTS_BUILT_MARK: &str = "masterly-reports-built";

/// Marks the first screen as ready, once per page load.
pub fn mark_first_screen() {
    if let Some(performance) = performance() {
        if performance.get_entries_by_name(FIRST_SCREEN_MARK).length() == 0 {
            let _ = performance.mark(FIRST_SCREEN_MARK);
        }
    }
}

/// Sets a performance mark (nothing happens where the browser has no performance
/// timeline).
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|window| window.performance())
}

/// The files chosen in the file field an event came from, in order. The field is
/// cleared, so that the same file can be chosen again after it is fixed.
pub fn take_chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = files_of(input.files());
    input.set_value("");
    files
}

/// The files dropped on an element, in order.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    files_of(event.data_transfer().and_then(|transfer| transfer.files()))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Reads a chosen file as text after checking its size against `max_bytes`.
/// Err is the sentence to show: too large, or not readable.
pub async fn read_chosen_file(file: &web_sys::File, max_bytes: usize) -> Result<String, String> {
    let pending = start_reading(file, max_bytes);
    finish_reading(file, pending, max_bytes).await
}

/// Reads chosen files as text, each checked against `max_bytes`, and hands each
/// one to `each` (with its position) as soon as it is in, in order. A worker checks
/// the sizes and reads the files one after another off the page's main thread (a
/// file's size alone can take the browser half a millisecond to look up), so `each`
/// works on the earlier files while the later ones are read; where no worker can
/// start, the page requests every read at once itself.
pub async fn read_chosen_files(
    files: Vec<web_sys::File>,
    max_bytes: usize,
    mut each: impl FnMut(usize, &web_sys::File, Result<String, String>),
) {
    let worker = FileWorker::start(&files, max_bytes);
    // Without a worker, every read is still requested at once.
    let mut pending: Vec<Option<PendingRead>> = files
        .iter()
        .map(|file| worker.is_none().then(|| start_reading(file, max_bytes)))
        .collect();
    for (index, file) in files.iter().enumerate() {
        // None where the worker could not read the file: the page tries it itself.
        let from_worker = match worker.as_ref().and_then(|worker| worker.read(index)) {
            Some(read) => wasm_bindgen_futures::JsFuture::from(read).await.ok(),
            None => None,
        };
        let text = match from_worker {
            Some(read) => text_of(file, read, max_bytes),
            None => {
                let read = pending[index]
                    .take()
                    .unwrap_or_else(|| start_reading(file, max_bytes));
                finish_reading(file, read, max_bytes).await
            }
        };
        each(index, file, text);
    }
    if let Some(worker) = worker {
        worker.stop();
    }
}

/// What the worker does: for each file it is sent, one after another (so the first
/// arrives as soon as it can), send back its position and either its size, when
/// that is over the limit, or its bytes (moved, not copied), or nothing if it
/// cannot be read.
const READER_SCRIPT: &str = "onmessage = async (event) => { \
const [files, maxBytes] = event.data; \
for (const [index, file] of files.entries()) { \
if (file.size > maxBytes) { postMessage({ index, tooLarge: file.size }); continue; } \
try { const bytes = await file.arrayBuffer(); postMessage({ index, bytes }, [bytes]); } \
catch { postMessage({ index }); } } };";

/// A worker reading chosen files, and a promise per file of its bytes (or of its
/// size, when that is over the limit).
struct FileWorker {
    worker: web_sys::Worker,
    reads: Vec<js_sys::Promise>,
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl FileWorker {
    /// Starts a worker and sends it every file with the size limit. None where the
    /// browser cannot start one; a worker that fails later rejects every read.
    fn start(files: &[web_sys::File], max_bytes: usize) -> Option<FileWorker> {
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsValue;

        let url = object_url(READER_SCRIPT, "text/javascript")?;
        let worker = web_sys::Worker::new(&url).ok();
        let _ = web_sys::Url::revoke_object_url(&url);
        let worker = worker?;
        let settle: Rc<RefCell<Vec<(js_sys::Function, js_sys::Function)>>> = Rc::default();
        let reads = files
            .iter()
            .map(|_| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    settle.borrow_mut().push((resolve, reject));
                })
            })
            .collect();
        let on_message = {
            let settle = Rc::clone(&settle);
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let field = |name: &str| {
                    js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::NULL)
                };
                let index = field("index").as_f64();
                let bytes = field("bytes");
                let too_large = field("tooLarge");
                let settle = settle.borrow();
                if let Some((resolve, reject)) = index.and_then(|i| settle.get(i as usize)) {
                    let _ = if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
                        resolve.call1(&JsValue::NULL, &bytes)
                    } else if too_large.as_f64().is_some() {
                        resolve.call1(&JsValue::NULL, &too_large)
                    } else {
                        reject.call0(&JsValue::NULL)
                    };
                }
            })
        };
        let on_error = {
            let settle = Rc::clone(&settle);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                for (_, reject) in settle.borrow().iter() {
                    let _ = reject.call0(&JsValue::NULL);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let sent: js_sys::Array = files.iter().collect();
        let message = js_sys::Array::of2(&sent, &JsValue::from_f64(max_bytes as f64));
        worker.post_message(&message).ok()?;
        Some(FileWorker {
            worker,
            reads,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The read of the chosen file at `index`. A read that fails in the worker is
    /// read again by the page.
    fn read(&self, index: usize) -> Option<js_sys::Promise> {
        self.reads.get(index).cloned()
    }

    fn stop(self) {
        self.worker.terminate();
    }
}

/// A read requested from the browser, or the reason none was.
type PendingRead = Result<js_sys::Promise, String>;

fn start_reading(file: &web_sys::File, max_bytes: usize) -> PendingRead {
    let bytes = file.size() as u64;
    if bytes > max_bytes as u64 {
        return Err(too_large(file, bytes, max_bytes));
    }
    Ok(file.array_buffer())
}

fn too_large(file: &web_sys::File, bytes: u64, max_bytes: usize) -> String {
    crate::text::file_too_large(&file.name(), bytes, max_bytes)
}

/// Waits for a read the page requested and gives the file's text ([`text_of`]).
async fn finish_reading(
    file: &web_sys::File,
    pending: PendingRead,
    max_bytes: usize,
) -> Result<String, String> {
    let read = wasm_bindgen_futures::JsFuture::from(pending?)
        .await
        .map_err(|_| crate::text::file_unreadable(&file.name()))?;
    text_of(file, read, max_bytes)
}

/// The file's bytes as text, or the sentence saying it is too large where the read
/// gave a number instead of bytes: the file's length, over `max_bytes`. The bytes
/// are copied into wasm memory as they are and decoded here, which is much faster
/// for large files than having the browser decode them into a string and encode
/// that again; the result is the same as `Blob.text()` gives (a leading
/// byte-order mark dropped, malformed bytes shown as U+FFFD).
fn text_of(
    file: &web_sys::File,
    read: wasm_bindgen::JsValue,
    max_bytes: usize,
) -> Result<String, String> {
    if let Some(bytes) = read.as_f64() {
        return Err(too_large(file, bytes as u64, max_bytes));
    }
    let mut bytes = js_sys::Uint8Array::new(&read).to_vec();
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}
