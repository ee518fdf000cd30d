//! The teacher's page (`teacher.html`): a binary of its own, so that the student's
//! page never downloads the class reports.

fn main() {
    leptos::mount::mount_to_body(masterly_web::TeacherApp);
}
