use super::*;

fn eval(text: &str, scope: &[(String, Rational)]) -> Result<Value, ExprError> {
    Expr::parse(text)?.evaluate(scope)
}

fn num(text: &str) -> Rational {
    match eval(text, &[]) {
        Ok(Value::Number(n)) => n,
        other => panic!("{text}: {other:?}"),
    }
}

fn scope(pairs: &[(&str, i64)]) -> Vec<(String, Rational)> {
    pairs
        .iter()
        .map(|(name, value)| (name.to_string(), Rational::integer(*value)))
        .collect()
}

#[test]
fn arithmetic_follows_the_usual_precedence_exactly() {
    assert_eq!(num("1 + 2 * 3"), Rational::integer(7));
    assert_eq!(num("(1 + 2) * 3"), Rational::integer(9));
    assert_eq!(num("1/3 + 1/6").to_string(), "1/2");
    assert_eq!(num("2 ^ 3 ^ 2"), Rational::integer(512));
    assert_eq!(num("-2 ^ 2"), Rational::integer(-4));
    assert_eq!(num("10 - 4 - 3"), Rational::integer(3));
    assert_eq!(num("3 × 4 ÷ 6"), Rational::integer(2));
    assert_eq!(num("0.25 + 1/4").to_string(), "1/2");
}

#[test]
fn variables_come_from_the_scope() {
    let values = scope(&[("a", 3), ("b", 4)]);
    assert_eq!(
        eval("a / b", &values),
        Ok(Value::Number(Rational::new(3, 4).unwrap_or(Rational::ZERO)))
    );
    assert_eq!(
        eval("a / c", &values),
        Err(ExprError::UnknownVariable("c".into()))
    );
}

#[test]
fn constraints_compare_and_combine() {
    let values = scope(&[("a", 3), ("b", 4)]);
    assert_eq!(
        eval("a < b and gcd(a, b) == 1", &values),
        Ok(Value::Bool(true))
    );
    assert_eq!(
        eval("not (a < b) or b == 4", &values),
        Ok(Value::Bool(true))
    );
    assert_eq!(eval("a >= b", &values), Ok(Value::Bool(false)));
}

#[test]
fn logic_short_circuits_so_guards_prevent_division_by_zero() {
    let values = scope(&[("a", 3), ("b", 0)]);
    assert_eq!(
        eval("b != 0 and a / b < 1", &values),
        Ok(Value::Bool(false))
    );
    assert_eq!(
        eval("a / b < 1", &values),
        Err(ExprError::Arithmetic(ArithmeticError::DivisionByZero))
    );
}

#[test]
fn school_functions_work_on_rationals() {
    assert_eq!(num("gcd(12, 18)"), Rational::integer(6));
    assert_eq!(num("lcm(4, 6)"), Rational::integer(12));
    assert_eq!(num("min(3, 1/2, 2)").to_string(), "1/2");
    assert_eq!(num("max(3, 1/2, 2)"), Rational::integer(3));
    assert_eq!(num("num(6/8)"), Rational::integer(3));
    assert_eq!(num("den(6/8)"), Rational::integer(4));
    assert_eq!(num("mod(-7, 3)"), Rational::integer(2));
    assert_eq!(num("round(7/2)"), Rational::integer(4));
    assert_eq!(num("floor(-1/2)"), Rational::integer(-1));
    assert_eq!(num("abs(-3/4)").to_string(), "3/4");
}

#[test]
fn mistakes_in_expressions_are_located() {
    assert_eq!(
        Expr::parse("a + * b"),
        Err(ExprError::Syntax {
            at: 5,
            expected: Wanted::Operand,
            found: Found::Quoted("*".into())
        })
    );
    assert_eq!(
        Expr::parse("(a + b"),
        Err(ExprError::Syntax {
            at: 7,
            expected: Wanted::Close,
            found: Found::End
        })
    );
    assert_eq!(
        Expr::parse("a $ b"),
        Err(ExprError::Syntax {
            at: 3,
            expected: Wanted::Token,
            found: Found::Quoted("$".into())
        })
    );
    assert_eq!(
        Expr::parse("sqrt(4)"),
        Err(ExprError::UnknownFunction("sqrt".into()))
    );
    assert!(matches!(
        Expr::parse("gcd(4)"),
        Err(ExprError::Arity { .. })
    ));
    assert!(matches!(
        Expr::parse("1.2.3"),
        Err(ExprError::Syntax { .. })
    ));
}

#[test]
fn long_expressions_parse_like_short_ones() {
    // 59 tokens, in one of the longest sums an author might write.
    let sum = vec!["1"; 30].join(" + ");
    assert_eq!(num(&sum), Rational::integer(30));
    // A mistake at the end of it is found and placed.
    assert_eq!(
        Expr::parse(&format!("{sum} +")),
        Err(ExprError::Syntax {
            at: 120,
            expected: Wanted::Operand,
            found: Found::End,
        })
    );
}

#[test]
fn hostile_expressions_are_refused_not_run() {
    assert_eq!(Expr::parse(&"(".repeat(100)), Err(ExprError::TooDeep));
    assert_eq!(Expr::parse(&"1+".repeat(300)), Err(ExprError::TooLong));
    assert_eq!(eval("2 ^ 100000", &[]), Err(ExprError::BadExponent));
    assert_eq!(eval("2 ^ (1/2)", &[]), Err(ExprError::BadExponent));
    assert_eq!(
        eval("(10 ^ 30) * (10 ^ 30)", &[]),
        Err(ExprError::Arithmetic(ArithmeticError::Overflow))
    );
    assert_eq!(eval("1 < 2 + 3", &[]), Ok(Value::Bool(true)));
    assert_eq!(eval("(1 < 2) + 3", &[]), Err(ExprError::NotANumber));
}

/// Each function and operator at the ends of the exact range: the right value
/// or a reported overflow, never a wrapped number or a crash.
#[test]
fn every_function_reports_overflow_at_the_ends_of_the_range() {
    let overflow = Err(ExprError::Arithmetic(ArithmeticError::Overflow));
    let max = "(2^62 - 1 + 2^62)";
    for text in [
        "mod((0-2)^63, 0-1)",
        "(0-2)^63",
        "2^63",
        "abs((0-2)^63)",
        "floor((0-2)^63 / 3)",
        "lcm(2^62, 3)",
        "lcm(0 - 2^62, 2^61 * 3)",
        "(2^62 - 1 + 2^62) + 1",
        "0 - (2^62 - 1 + 2^62) - 1",
        "(2^62 - 1 + 2^62) * 2",
        "1 / (2^62 - 1 + 2^62) / 2",
        "(1/3)^40",
    ] {
        assert_eq!(eval(text, &[]).map(|_| ()), overflow.clone(), "{text}");
    }
    let lowest = format!("(0 - {max})");
    let value = |text: String| num(&text).to_string();
    assert_eq!(value(format!("abs({lowest})")), "9223372036854775807");
    assert_eq!(
        value(format!("floor({lowest} / 2)")),
        "-4611686018427387904"
    );
    assert_eq!(value(format!("ceil({lowest} / 2)")), "-4611686018427387903");
    assert_eq!(
        value(format!("round({lowest} / 2)")),
        "-4611686018427387904"
    );
    assert_eq!(value(format!("round({max} / 2)")), "4611686018427387904");
    assert_eq!(value(format!("mod({lowest}, 0 - 1)")), "0");
    assert_eq!(value(format!("mod({lowest}, {max})")), "0");
    assert_eq!(value(format!("mod({lowest}, 2)")), "1");
    assert_eq!(value(format!("gcd({lowest}, 0)")), "9223372036854775807");
    assert_eq!(
        value(format!("lcm({lowest}, {max})")),
        "9223372036854775807"
    );
    assert_eq!(value(format!("num({lowest} / 3)")), "-9223372036854775807");
    assert_eq!(value(format!("- {lowest}")), "9223372036854775807");
    assert_eq!(
        eval("mod(5, 0)", &[]),
        Err(ExprError::Arithmetic(ArithmeticError::DivisionByZero))
    );
}

/// An expression written back out reads as the same expression, with its
/// variables' names and brackets only where they are needed.
#[test]
fn an_expression_written_back_out_parses_to_the_same_expression() {
    let names = ["a", "b"];
    let scope: Vec<(&str, Rational)> = names.iter().map(|n| (*n, Rational::ONE)).collect();
    for (text, written) in [
        ("mod((0-2)^63, 0-1)", "mod((0 - 2) ^ 63, 0 - 1)"),
        ("a - (b - 1)", "a - (b - 1)"),
        ("(a - b) - 1", "a - b - 1"),
        ("2 ^ 3 ^ 2", "2 ^ 3 ^ 2"),
        ("(2 ^ 3) ^ 2", "(2 ^ 3) ^ 2"),
        ("-2 ^ 2", "-2 ^ 2"),
        ("(-2) ^ 2", "(-2) ^ 2"),
        ("2 ^ -1", "2 ^ (-1)"),
        ("a / (b * 2)", "a / (b * 2)"),
        ("0.75 ^ 2", "0.75 ^ 2"),
        (
            "not (a < b) or b == 4 and a != 1",
            "not a < b or b == 4 and a != 1",
        ),
        ("not (a < b or b < a)", "not (a < b or b < a)"),
        ("(a < b) == (b < a)", "(a < b) == (b < a)"),
        ("- - a", "--a"),
        ("max(a, b, 1/2)", "max(a, b, 1 / 2)"),
    ] {
        let expr = Expr::parse_in(text, &names).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let source = expr.source(scope.as_slice());
        assert_eq!(source, written, "{text}");
        assert_eq!(
            Expr::parse_in(&source, &names),
            Ok(expr),
            "{text} -> {source}"
        );
    }
}

#[test]
fn precedence_matches_school_rules_and_comparisons_do_not_chain() {
    let values = scope(&[("a", 1), ("b", 2), ("c", 3)]);
    assert_eq!(
        eval("not a < b and c == 3", &values),
        Ok(Value::Bool(false))
    );
    assert_eq!(
        eval("not (a < b and c == 4)", &values),
        Ok(Value::Bool(true))
    );
    assert_eq!(
        eval(
            "a < b or c < a and false_guard == 0",
            &scope(&[("a", 1), ("b", 2), ("c", 3), ("false_guard", 1)])
        ),
        Ok(Value::Bool(true))
    );
    assert_eq!(num("2 ^ -1 * 4"), Rational::integer(2));
    assert_eq!(num("- - 3"), Rational::integer(3));
    assert_eq!(num("12 / 2 / 3"), Rational::integer(2));
    assert!(matches!(
        Expr::parse("a < b < c"),
        Err(ExprError::Syntax { at: 7, .. })
    ));
}

#[test]
fn variables_are_listed_in_order_of_first_use() {
    let expr = Expr::parse("b * a + gcd(a, c)").unwrap_or(Expr::Number(Rational::ZERO));
    assert_eq!(expr.variables(), vec!["b", "a", "c"]);
}

#[test]
fn expressions_parsed_with_their_names_read_values_by_position() {
    let names = ["d", "a", "b"];
    let values: Vec<(&str, Rational)> = vec![
        ("d", Rational::integer(8)),
        ("a", Rational::integer(3)),
        ("b", Rational::integer(2)),
    ];
    let total = Expr::parse_in("(a + b) / d", &names);
    assert_eq!(
        total.as_ref().map(|e| e.number(values.as_slice())),
        Ok(Ok(Rational::new(5, 8).unwrap_or(Rational::ZERO)))
    );
    // A lone name takes the quick path and is bound all the same.
    assert_eq!(Expr::parse_in(" b ", &names), Ok(Expr::Slot(2)));
    assert_eq!(
        Expr::parse_in("gcd(a, d)", &names).map(|e| e.number(values.as_slice())),
        Ok(Ok(Rational::integer(1)))
    );
    // Names outside the list are refused when parsing, not when first drawn.
    assert_eq!(
        Expr::parse_in("a + c", &names),
        Err(ExprError::UnknownVariable("c".into()))
    );
    assert_eq!(
        Expr::parse_in("c", &names[..2]),
        Err(ExprError::UnknownVariable("c".into()))
    );
    assert_eq!(
        Expr::parse_in("b", &names[..2]),
        Err(ExprError::UnknownVariable("b".into()))
    );
    assert_eq!(
        Expr::parse_in("2 * 3", &[]),
        Ok(Expr::Binary(
            BinaryOp::Mul,
            Box::new([
                Expr::Number(Rational::integer(2)),
                Expr::Number(Rational::integer(3)),
            ]),
        ))
    );
}

#[test]
fn a_lone_number_or_name_takes_the_spaces_the_lexer_takes() {
    // Found by fuzzing: "1\u{b}" was read as 1 by the short cut, while "(1\u{b})"
    // was refused by the parser.
    for text in ["1\u{b}", "a\u{a0}", "\u{2003}7"] {
        assert!(Expr::parse(text).is_err(), "{text:?}");
        assert!(Expr::parse(&format!("({text})")).is_err(), "{text:?}");
    }
    assert_eq!(num(" \t12\r\n"), Rational::integer(12));
}
