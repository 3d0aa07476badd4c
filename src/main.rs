//! The `xxgk` command-line tool.
fn main() {
    println!("xxgk");
}
