//! The standalone page: configuration from `index.html`, mounted on body.
fn main() {
    customer_activity::start();
}
