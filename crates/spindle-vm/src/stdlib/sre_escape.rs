//! `re` pattern parser, continued: backslash escapes (in and out of sets) and character
//! sets `[...]`, with CPython 3.11's messages and positions (see `sre_parse.rs`).

use crate::stdlib::sre_parse::{cp_char, is_c, is_digit, is_hex, is_oct, text, tok_len, tok_text, At, Cat, Node, PResult, ReError, SetItem, Src, State, Tok, Warn, NO};

fn category(c: u32) -> Option<Cat> {
    Some(match char::from_u32(c)? {
        'd' => Cat::Digit,
        'D' => Cat::NotDigit,
        's' => Cat::Space,
        'S' => Cat::NotSpace,
        'w' => Cat::Word,
        'W' => Cat::NotWord,
        _ => return None,
    })
}

fn simple_escape(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// `\x`, `\u`, `\U`, `\N` escapes (shared by sets and the pattern); None if `esc` is another.
fn hex_escape(src: &mut Src, esc: Tok) -> PResult<Option<u32>> {
    let c = cp_char(esc.1);
    let n = match c {
        'x' => 2,
        'u' if src.is_text => 4,
        'U' if src.is_text => 8,
        'N' if src.is_text => {
            if !src.matches('{')? {
                return Err(src.error("missing {", 0));
            }
            let name = src.getuntil('}', "character name")?;
            return Err(ReError::NotImplemented(format!("\\N{{{}}} escapes need the Unicode name database, which Spindle does not have", text(&name))));
        }
        _ => return Ok(None),
    };
    let digits = src.getwhile(n, is_hex)?;
    let mut esc_text = tok_text(esc);
    esc_text.push_str(&text(&digits));
    if digits.len() != n {
        return Err(src.error(format!("incomplete escape {esc_text}"), esc_text.chars().count()));
    }
    let v = digits.iter().fold(0u32, |a, &d| a * 16 + cp_char(d).to_digit(16).unwrap_or(0));
    if v > 0x10ffff {
        return Err(src.error(format!("bad escape {esc_text}"), esc_text.chars().count()));
    }
    Ok(Some(v))
}

/// What a set member token stands for.
enum ClassCode {
    Lit(u32),
    Cat(Cat),
}

fn class_escape(src: &mut Src, esc: Tok) -> PResult<ClassCode> {
    if esc.1 == b'b' as u32 {
        return Ok(ClassCode::Lit(8));
    }
    if let Some(v) = simple_escape(esc.1) {
        return Ok(ClassCode::Lit(v));
    }
    if let Some(cat) = category(esc.1) {
        return Ok(ClassCode::Cat(cat));
    }
    if let Some(v) = hex_escape(src, esc)? {
        return Ok(ClassCode::Lit(v));
    }
    let c = esc.1;
    if is_oct(c) {
        let more = src.getwhile(2, is_oct)?;
        let mut all = vec![c];
        all.extend(&more);
        let v = all.iter().fold(0u32, |a, &d| a * 8 + (d - b'0' as u32));
        let esc_text = format!("\\{}", text(&all));
        if v > 0o377 {
            return Err(src.error(format!("octal escape value {esc_text} outside of range 0-0o377"), all.len() + 1));
        }
        return Ok(ClassCode::Lit(v));
    }
    if c < 128 && (c as u8).is_ascii_alphanumeric() {
        return Err(src.error(format!("bad escape {}", tok_text(esc)), 2));
    }
    Ok(ClassCode::Lit(c))
}

pub(super) fn parse_set(src: &mut Src, st: &mut State) -> PResult<Node> {
    let here = src.tell() - 1;
    if is_c(src.next, '[') {
        st.warnings.push((Warn::Future, format!("Possible nested set at position {}", src.tell())));
    }
    let negate = src.matches('^')?;
    let mut items: Vec<SetItem> = Vec::new();
    let mut started = false;
    let push = |items: &mut Vec<SetItem>, code: ClassCode| match code {
        ClassCode::Lit(c) => items.push(SetItem::Lit(c)),
        ClassCode::Cat(c) => items.push(SetItem::Cat(c)),
    };
    loop {
        let this = match src.get()? {
            None => return Err(src.error("unterminated character set", src.tell() - here)),
            Some(t) => t,
        };
        if is_c(Some(this), ']') && started {
            break;
        }
        started = true;
        let code1 = if this.1 != NO {
            class_escape(src, this)?
        } else {
            if !items.is_empty() {
                if let Some(kind) = match cp_char(this.0) {
                    '-' => Some("difference"),
                    '&' => Some("intersection"),
                    '~' => Some("symmetric difference"),
                    '|' => Some("union"),
                    _ => None,
                } {
                    if src.next == Some(this) {
                        st.warnings.push((Warn::Future, format!("Possible set {kind} at position {}", src.tell() - 1)));
                    }
                }
            }
            ClassCode::Lit(this.0)
        };
        if src.matches('-')? {
            let that = match src.get()? {
                None => return Err(src.error("unterminated character set", src.tell() - here)),
                Some(t) => t,
            };
            if is_c(Some(that), ']') {
                push(&mut items, code1);
                items.push(SetItem::Lit(b'-' as u32));
                break;
            }
            let code2 = if that.1 != NO {
                class_escape(src, that)?
            } else {
                if is_c(Some(that), '-') {
                    st.warnings.push((Warn::Future, format!("Possible set difference at position {}", src.tell() - 2)));
                }
                ClassCode::Lit(that.0)
            };
            let bad = || format!("bad character range {}-{}", tok_text(this), tok_text(that));
            let off = tok_len(this) + 1 + tok_len(that);
            match (code1, code2) {
                (ClassCode::Lit(lo), ClassCode::Lit(hi)) => {
                    if hi < lo {
                        return Err(src.error(bad(), off));
                    }
                    items.push(SetItem::Range(lo, hi));
                }
                _ => return Err(src.error(bad(), off)),
            }
        } else {
            push(&mut items, code1);
        }
    }
    if let [SetItem::Lit(c)] = items[..] {
        return Ok(if negate { Node::NotLit(c) } else { Node::Lit(c) });
    }
    Ok(Node::Set { negate, items })
}

/// A backslash token outside a set.
pub(super) fn parse_escape(src: &mut Src, st: &mut State, esc: Tok) -> PResult<Node> {
    let c = esc.1;
    match cp_char(c) {
        'A' => return Ok(Node::At(At::BeginningString)),
        'Z' => return Ok(Node::At(At::EndString)),
        'b' => return Ok(Node::At(At::Boundary)),
        'B' => return Ok(Node::At(At::NonBoundary)),
        _ => {}
    }
    if let Some(cat) = category(c) {
        return Ok(Node::Set { negate: false, items: vec![SetItem::Cat(cat)] });
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Lit(v));
    }
    if let Some(v) = hex_escape(src, esc)? {
        return Ok(Node::Lit(v));
    }
    if c == b'0' as u32 {
        let more = src.getwhile(2, is_oct)?;
        return Ok(Node::Lit(more.iter().fold(0u32, |a, &d| a * 8 + (d - b'0' as u32))));
    }
    if (b'1' as u32..=b'9' as u32).contains(&c) {
        let mut digits = vec![c];
        if is_digit(src.next) {
            let d2 = src.next.map_or(0, |t| t.0);
            src.advance()?;
            digits.push(d2);
            if is_oct(c) && is_oct(d2) && matches!(src.next, Some((d3, NO)) if is_oct(d3)) {
                let d3 = src.next.map_or(0, |t| t.0);
                src.advance()?;
                digits.push(d3);
                let v = digits.iter().fold(0u32, |a, &d| a * 8 + (d - b'0' as u32));
                if v > 0o377 {
                    return Err(src.error(format!("octal escape value \\{} outside of range 0-0o377", text(&digits)), 4));
                }
                return Ok(Node::Lit(v));
            }
        }
        let group = digits.iter().fold(0usize, |a, &d| a * 10 + (d - b'0' as u32) as usize);
        if group < st.groups() {
            if !st.check_group(group) {
                return Err(src.error("cannot refer to an open group", digits.len() + 1));
            }
            st.check_lookbehind_group(group, src)?;
            return Ok(Node::GroupRef(group));
        }
        return Err(src.error(format!("invalid group reference {group}"), digits.len()));
    }
    if c < 128 && (c as u8).is_ascii_alphabetic() {
        return Err(src.error(format!("bad escape {}", tok_text(esc)), 2));
    }
    Ok(Node::Lit(c))
}
