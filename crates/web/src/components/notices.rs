//! Banners about what is kept on this device: storage blocked or full, damaged data
//! restored, a class joined or answers added from a file. Each says what happened
//! and offers what helps (download; on the student's page, export).

use crate::browser;
use crate::device::Device;
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let device = expect_context::<Device>();
    // Only the student's page has a progress file to export.
    let can_export = use_context::<StudentSession>().is_some();
    view! {
        <div class="notices" role="alert" data-testid="notices">
            {move || {
                device
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
                                    {(notice.offer_export && can_export).then(|| view! { <ExportButton /> })}
                                    <button
                                        type="button"
                                        class="quiet"
                                        on:click=move |_| device.dismiss_notice(index)
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
    let session = expect_context::<StudentSession>();
    view! {
        <button
            type="button"
            class=class
            data-testid="export-progress"
            on:click=move |_| session.export_progress_and_say_so()
        >
            {text::EXPORT_PROGRESS}
        </button>
    }
}
