//! Print the bytecode of a Python file: `cargo run -p spindle-compiler --example dis FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dis FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    match spindle_compiler::compile_source(&src, &path) {
        Ok(code) => println!("{code}"),
        Err(e) => eprintln!("{e:?}"),
    }
}
