//! Banners about what is kept on this device: storage blocked or full, damaged data
//! restored, a class joined or answers added from a file. Each says what happened
//! and offers what helps (download; on the student's page, export).

use crate::browser;
use crate::device::Device;
use crate::text;
use leptos::prelude::*;

/// Downloading the learner's progress file. Only the student's page provides it
/// (`provide_student`), so that the teacher's page, which shares these banners,
/// carries none of the student's saving code.
#[derive(Clone, Copy)]
pub struct ExportProgress(pub Callback<()>);

#[component]
pub fn Notices() -> impl IntoView {
    let device = expect_context::<Device>();
    // Only the student's page has a progress file to export.
    let can_export = use_context::<ExportProgress>().is_some();
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
    let export = expect_context::<ExportProgress>();
    view! {
        <button
            type="button"
            class=class
            data-testid="export-progress"
            on:click=move |_| export.0.run(())
        >
            {text::EXPORT_PROGRESS}
        </button>
    }
}
