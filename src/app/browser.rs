//! The few facts the shell asks of the browser: the clock, randomness, the time
//! zone, whether the page is visible, and saving a file to the student's device.

use crate::domain::time::Millis;
use wasm_bindgen::JsCast;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
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
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
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

/// The performance mark set when the first screen is ready for input; the browser
/// benchmark reads its time from navigation start.
pub const FIRST_SCREEN_MARK: &str = "masterly-first-screen";

/// Performance marks set by the teacher's page when the chosen files have been
/// read, and when they have been imported into the class (before the reports are
/// drawn); the browser benchmark reports the time between them.
pub const FILES_READ_MARK: &str = "masterly-files-read";
pub const FILES_IMPORTED_MARK: &str = "masterly-files-imported";

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
    finish_reading(file, pending).await
}

/// Reads chosen files as text, each checked against `max_bytes`, and hands each
/// one to `each` (with its position) as soon as it is in, in order. Every read is
/// requested first, so the browser goes on reading the later files while `each`
/// works on the earlier ones.
pub async fn read_chosen_files(
    files: Vec<web_sys::File>,
    max_bytes: usize,
    mut each: impl FnMut(usize, &web_sys::File, Result<String, String>),
) {
    let pending: Vec<_> = files
        .iter()
        .map(|file| start_reading(file, max_bytes))
        .collect();
    for (index, (file, pending)) in files.iter().zip(pending).enumerate() {
        let text = finish_reading(file, pending).await;
        each(index, file, text);
    }
}

/// A read requested from the browser, or the reason none was.
type PendingRead = Result<js_sys::Promise, String>;

fn start_reading(file: &web_sys::File, max_bytes: usize) -> PendingRead {
    let bytes = file.size() as u64;
    if bytes > max_bytes as u64 {
        return Err(crate::app::text::file_too_large(
            &file.name(),
            bytes,
            max_bytes,
        ));
    }
    Ok(file.array_buffer())
}

/// The file's bytes as text. They are copied into wasm memory as they are and
/// decoded here, which is much faster for large files than having the browser
/// decode them into a string and encode that again; the result is the same as
/// `Blob.text()` gives (a leading byte-order mark dropped, malformed bytes shown
/// as U+FFFD).
async fn finish_reading(file: &web_sys::File, pending: PendingRead) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(pending?)
        .await
        .map_err(|_| crate::app::text::file_unreadable(&file.name()))?;
    let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}
