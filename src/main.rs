fn main() {
    leptos::mount::mount_to_body(masterly::app::App);
}
