//! Compile-time `SyntaxWarning`s, as CPython 3.11's compiler emits them (compile.c:
//! `check_compare`, `check_caller`, `check_subscripter`, `check_index`, the assert check).
//! CPython runs these after constant folding, so an expression that folds to a constant
//! (`-1`, `(1, 2)`) counts as one.

use ruff_python_ast::{self as ast, Expr, Number};

/// The type of the constant `e` folds to, or None when it is not a constant.
fn constant_type(e: &Expr) -> Option<&'static str> {
    match e {
        Expr::NumberLiteral(n) => Some(match n.value {
            Number::Int(_) => "int",
            Number::Float(_) => "float",
            Number::Complex { .. } => "complex",
        }),
        Expr::StringLiteral(_) => Some("str"),
        Expr::BytesLiteral(_) => Some("bytes"),
        Expr::NoneLiteral(_) => Some("NoneType"),
        Expr::BooleanLiteral(_) => Some("bool"),
        Expr::EllipsisLiteral(_) => Some("ellipsis"),
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd | ast::UnaryOp::Invert) => match constant_type(&u.operand)? {
            t @ ("int" | "float" | "complex") => Some(t),
            "bool" => Some("int"),
            _ => None,
        },
        Expr::Tuple(t) if t.elts.iter().all(|x| constant_type(x).is_some()) => Some("tuple"),
        _ => None,
    }
}

/// `infer_type`: the type of a display or constant.
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(t) = constant_type(e) {
        return Some(t);
    }
    match e {
        Expr::Tuple(_) => Some("tuple"),
        Expr::List(_) | Expr::ListComp(_) => Some("list"),
        Expr::Dict(_) | Expr::DictComp(_) => Some("dict"),
        Expr::Set(_) | Expr::SetComp(_) => Some("set"),
        Expr::Generator(_) => Some("generator"),
        Expr::Lambda(_) => Some("function"),
        Expr::FString(_) => Some("str"),
        _ => None,
    }
}

/// `check_compare`: `is` / `is not` with a literal other than None, True, False, `...`.
pub fn compare(c: &ast::ExprCompare) -> Option<String> {
    let plain = |e: &Expr| match constant_type(e) {
        None => true,
        Some(_) => matches!(e, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_)),
    };
    let mut left = plain(&c.left);
    for (op, comp) in c.ops.iter().zip(c.comparators.iter()) {
        let right = plain(comp);
        if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (!left || !right) {
            return Some(if *op == ast::CmpOp::Is { "\"is\" with a literal. Did you mean \"==\"?" } else { "\"is not\" with a literal. Did you mean \"!=\"?" }.to_string());
        }
        left = right;
    }
    None
}

/// `check_caller`: calling a literal or a display.
pub fn caller(func: &Expr) -> Option<String> {
    let callable_kind = constant_type(func).is_some() || matches!(func, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::Dict(_) | Expr::DictComp(_) | Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::FString(_));
    if !callable_kind {
        return None;
    }
    Some(format!("'{}' object is not callable; perhaps you missed a comma?", infer_type(func)?))
}

/// `check_subscripter` and `check_index` for a subscript load.
pub fn subscript(value: &Expr, index: &Expr) -> Option<String> {
    let not_subscriptable = match constant_type(value) {
        Some(t) => matches!(t, "NoneType" | "ellipsis" | "int" | "float" | "complex" | "bool"),
        None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
    };
    if not_subscriptable {
        return Some(format!("'{}' object is not subscriptable; perhaps you missed a comma?", infer_type(value)?));
    }
    let index_type = infer_type(index)?;
    if matches!(index_type, "int" | "bool") {
        return None;
    }
    let sequence = match constant_type(value) {
        Some(t) => matches!(t, "str" | "bytes" | "tuple"),
        None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
    };
    if !sequence {
        return None;
    }
    Some(format!("{} indices must be integers or slices, not {index_type}; perhaps you missed a comma?", infer_type(value)?))
}

/// `assert (x, "msg")`: a non-empty tuple that does not fold to a constant.
pub fn assert_tuple(test: &Expr) -> Option<String> {
    match test {
        Expr::Tuple(t) if !t.elts.is_empty() && constant_type(test).is_none() => Some("assertion is always true, perhaps remove parentheses?".to_string()),
        _ => None,
    }
}
