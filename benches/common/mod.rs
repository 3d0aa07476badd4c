//! Inputs shared by the benches: the samples, a 100× report, and the bare baseline (inflate the
//! parts the reader reads and run a bare quick-xml event loop over them).
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

/// Path of a file in ../shared/samples.
pub fn sample_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(name)
}

/// Bytes of a sample.
pub fn sample(name: &str) -> Vec<u8> {
    std::fs::read(sample_path(name)).expect("sample present")
}

/// The input the profiling examples take from their arguments: sample name, body repetitions,
/// iterations (or rounds), and the optional fourth argument; the input's bytes are built here.
pub struct ExampleInput {
    /// Sample file name in ../shared/samples.
    pub name: String,
    /// Body repetitions (1 = the sample as it is).
    pub times: usize,
    /// Iterations or rounds.
    pub iters: usize,
    /// The optional fourth argument.
    pub mode: Option<String>,
    /// The DOCX bytes (the sample, or its body repeated).
    pub bytes: Vec<u8>,
}

/// Reads [`ExampleInput`] from the command line; `default_iters` when the third argument is
/// absent.
pub fn example_input(default_iters: usize) -> ExampleInput {
    let args: Vec<String> = std::env::args().collect();
    let name = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "ningbo2018_wordlike.docx".to_string());
    let times: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let iters: usize = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_iters);
    let sample = sample(&name);
    let bytes = if times > 1 {
        repeat_body(&sample, times)
    } else {
        sample
    };
    ExampleInput {
        name,
        times,
        iters,
        mode: args.get(4).cloned(),
        bytes,
    }
}

/// The parts the reader must read.
pub const READ_PARTS: [&str; 3] = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];

/// A copy of `docx` whose body content is repeated `times` times (the section properties once, at
/// the end), every other part unchanged.
pub fn repeat_body(docx: &[u8], times: usize) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut out = Cursor::new(Vec::new());
    {
        let mut zout = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).expect("entry");
            let name = f.name().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("inflate");
            if name == "word/document.xml" {
                data =
                    repeat_xml_body(&String::from_utf8(data).expect("utf-8"), times).into_bytes();
            }
            zout.start_file(name, opts).expect("start");
            zout.write_all(&data).expect("write");
        }
        zout.finish().expect("finish");
    }
    out.into_inner()
}

fn repeat_xml_body(xml: &str, times: usize) -> String {
    let open = xml.find("<w:body>").expect("body") + "<w:body>".len();
    let close = xml
        .rfind("<w:sectPr")
        .unwrap_or_else(|| xml.rfind("</w:body>").expect("end"));
    let content = &xml[open..close];
    let mut s = String::with_capacity(xml.len() + content.len() * times);
    s.push_str(&xml[..open]);
    for _ in 0..times {
        s.push_str(content);
    }
    s.push_str(&xml[close..]);
    s
}

/// The bare baseline: inflate the parts the reader reads and count the events of a bare quick-xml
/// loop over them.
pub fn baseline(docx: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut events = 0;
    let mut data = Vec::new();
    let mut buf = Vec::new();
    for part in READ_PARTS {
        let Ok(mut f) = zip.by_name(part) else {
            continue;
        };
        data.clear();
        f.read_to_end(&mut data).expect("inflate");
        let mut r = quick_xml::Reader::from_reader(data.as_slice());
        loop {
            buf.clear();
            match r.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(_) => events += 1,
            }
        }
    }
    events
}

/// The package half of the baseline: open the zip and inflate the parts the reader reads;
/// returns the inflated byte count.
pub fn inflate(docx: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    let mut total = 0;
    let mut data = Vec::new();
    for part in READ_PARTS {
        let Ok(mut f) = zip.by_name(part) else {
            continue;
        };
        data.clear();
        f.read_to_end(&mut data).expect("inflate");
        total += data.len();
    }
    total
}

/// The DOCX samples benched, by file name.
pub const DOCX_SAMPLES: [&str; 3] = [
    "ningbo2018_wordlike.docx",
    "ningbo2018_plain.docx",
    "stats2016_libreoffice.docx",
];

/// The DOCX inputs: each sample, then the first one with its body repeated 100 times (`100x`).
pub fn docx_inputs() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = DOCX_SAMPLES
        .iter()
        .map(|n| (n.trim_end_matches(".docx").to_string(), sample(n)))
        .collect();
    let big = repeat_body(&out[0].1, 100);
    out.push(("100x".to_string(), big));
    out
}

/// Inflated size of the parts the reader reads (for throughput).
pub fn inflated_size(docx: &[u8]) -> u64 {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
    READ_PARTS
        .iter()
        .filter_map(|p| zip.by_name(p).ok().map(|f| f.size()))
        .sum()
}
