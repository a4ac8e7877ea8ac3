fn main() {
    console_error_panic_hook::set_once();
    gpt_image_studio::web::offline::register_service_worker();
    leptos::mount::mount_to_body(gpt_image_studio::App);
}
