//! Banners about the student's saved work: storage blocked or full, damaged data
//! restored, a class joined or answers added from a file. Each says what happened
//! and offers what helps (download, export).

use crate::browser;
use crate::context::AppContext;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let context = expect_context::<AppContext>();
    view! {
        <div class="notices" role="alert" data-testid="notices">
            {move || {
                context
                    .notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, notice)| {
                        let download = notice.download.clone();
                        view! {
                            <div class="notice">
                                <p>{notice.text.clone()}</p>
                                <div class="notice-actions">
                                    {download
                                        .map(|(name, contents)| {
                                            view! {
                                                <button
                                                    type="button"
                                                    on:click=move |_| {
                                                        browser::download(&name, &contents);
                                                    }
                                                >
                                                    {text::DOWNLOAD_DAMAGED}
                                                </button>
                                            }
                                        })}
                                    {notice.offer_export.then(|| view! { <ExportButton /> })}
                                    <button
                                        type="button"
                                        class="quiet"
                                        on:click=move |_| context.dismiss_notice(index)
                                    >
                                        {text::DISMISS}
                                    </button>
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Downloads the learner's progress file: in the header, and in banners about
/// storage that cannot keep their work.
#[component]
pub fn ExportButton(#[prop(optional)] class: &'static str) -> impl IntoView {
    let context = expect_context::<AppContext>();
    view! {
        <button
            type="button"
            class=class
            data-testid="export-progress"
            on:click=move |_| context.export_progress_and_say_so()
        >
            {text::EXPORT_PROGRESS}
        </button>
    }
}
