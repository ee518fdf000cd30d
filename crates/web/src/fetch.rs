//! Reading the app's own files over HTTP. Masterly never fetches anything else:
//! callers pass relative URLs inside the app's folder.

use std::fmt;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    NoWindow,
    Network(String),
    Status(u16),
    NotText,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NoWindow => write!(f, "no browser window to fetch from"),
            FetchError::Network(detail) => write!(f, "could not be read ({detail})"),
            FetchError::Status(status) => write!(f, "the server answered HTTP {status}"),
            FetchError::NotText => write!(f, "the answer was not text"),
        }
    }
}

fn describe(value: wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<web_sys::js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| "unknown error".to_string())
}

pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|error| FetchError::Network(describe(error)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| FetchError::Network("not an HTTP response".to_string()))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response
        .text()
        .map_err(|error| FetchError::Network(describe(error)))?;
    let text = JsFuture::from(body)
        .await
        .map_err(|error| FetchError::Network(describe(error)))?;
    text.as_string().ok_or(FetchError::NotText)
}
