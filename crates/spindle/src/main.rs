//! The `spindle` command: python3's command line over the Spindle runtime.

use spindle_vm::run::Target;

mod allocator;

#[global_allocator]
static GLOBAL: allocator::Allocator = allocator::Allocator;

const USAGE: &str = "usage: spindle [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "usage: spindle [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Spindle version number and exit (also --version)
-X opt : set implementation-specific option; Spindle's options:
         -X gil=0   free-threaded mode: no global interpreter lock
         -X gil_stats         per-thread GIL statistics on stderr at exit
         -X gil_trace=FILE    GIL timeline as Chrome trace-event JSON (docs/gil.md)
-B, -E, -s, -S, -O, -I, -q : accepted for compatibility and ignored
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// Main thread stack: deep Python recursion (up to the recursion limit) runs on it.
const STACK_SIZE: usize = 512 * 1024 * 1024;

fn usage_error(msg: &str) -> ! {
    eprintln!("{msg}\n{USAGE}\nTry `spindle -h' for more information.");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut xoptions: Vec<(String, Option<String>)> = Vec::new();
    let mut unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    let mut i = 1;
    let mut target = None;
    let mut argv: Vec<String> = Vec::new();
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            target = Some(Target::Stdin);
            argv.push("-".into());
            argv.extend(args[i + 1..].iter().cloned());
            break;
        }
        if a == "--version" {
            println!("Spindle {} (Python 3.11.7)", env!("CARGO_PKG_VERSION"));
            return;
        }
        if a == "--help" {
            print!("{HELP}");
            return;
        }
        if !a.starts_with('-') || a.len() == 1 {
            target = Some(Target::File(a.clone()));
            argv.extend(args[i..].iter().cloned());
            break;
        }
        if a.starts_with("--") {
            usage_error(&format!("unknown option {a}"));
        }
        // A cluster of one-letter options, e.g. -uB or -c'code'.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut done = false;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            match c {
                'c' | 'm' | 'X' => {
                    let val = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => usage_error(&format!("Argument expected for the -{c} option")),
                        }
                    };
                    match c {
                        'c' => {
                            target = Some(Target::Command(val));
                            argv.push("-c".into());
                            argv.extend(args[i + 1..].iter().cloned());
                            done = true;
                        }
                        'm' => {
                            target = Some(Target::Module(val));
                            argv.push("-m".into());
                            argv.extend(args[i + 1..].iter().cloned());
                            done = true;
                        }
                        _ => match val.split_once('=') {
                            Some((k, v)) => xoptions.push((k.to_string(), Some(v.to_string()))),
                            None => xoptions.push((val.clone(), None)),
                        },
                    }
                    break;
                }
                'u' => unbuffered = true,
                'V' => {
                    println!("Spindle {} (Python 3.11.7)", env!("CARGO_PKG_VERSION"));
                    return;
                }
                'h' | '?' => {
                    print!("{HELP}");
                    return;
                }
                'B' | 'E' | 's' | 'S' | 'O' | 'I' | 'q' | 'd' | 'v' | 'b' => {}
                other => usage_error(&format!("Unknown option: -{other}")),
            }
            j += 1;
        }
        if done {
            break;
        }
        i += 1;
    }
    let target = match target {
        Some(t) => t,
        None => {
            argv.push(String::new());
            Target::Stdin
        }
    };
    for (k, v) in &xoptions {
        if k == "gil" {
            match v.as_deref() {
                Some("0") => spindle_vm::sync::set_free_threaded(true),
                Some("1") => {}
                _ => {
                    eprintln!("Fatal Python error: config_read_gil: -X gil=n option must be 0 or 1");
                    std::process::exit(1);
                }
            }
        }
    }
    // Signals go to the interpreter's threads, SIGINT only to the main one (which unblocks
    // them when it starts).
    spindle_vm::sigint::block_all_in_launcher();
    let child = std::thread::Builder::new().name("main".into()).stack_size(STACK_SIZE).spawn(move || {
        let mut vm = spindle_vm::Vm::new_main(argv, xoptions, unbuffered, STACK_SIZE);
        spindle_vm::run::run_main(&mut vm, &target)
    });
    let status = match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(e) => {
            eprintln!("spindle: cannot start the main thread: {e}");
            71
        }
    };
    if spindle_vm::run::UNCAUGHT_KEYBOARD_INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
        spindle_vm::sigint::exit_by_sigint();
    }
    std::process::exit(status)
}
