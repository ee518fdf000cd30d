//! Curriculum text rendered from the core's safe Markdown tree: elements and text
//! nodes only, never HTML. Links open in a new tab without access to this page.

use crate::components::picture::Picture;
use leptos::prelude::*;
use masterly_core::content::markdown::{parse_markdown, Block, Inline};
use masterly_core::content::picture::parse_diagram;
use masterly_core::content::written_fraction::{cut_around_fractions, text_pieces, TextPiece};
use masterly_text::picture::fraction_in_words;
use masterly_text::Say;

/// `heading_level` is the HTML level used for `#` headings in the text (`##` is one
/// deeper), so a lesson's headings fit under the page's own.
#[component]
pub fn RichText(text: String, #[prop(default = 3)] heading_level: u8) -> impl IntoView {
    view! {
        <div class="rich-text">
            {parse_markdown(&text)
                .into_iter()
                .map(|block| render_block(block, heading_level))
                .collect_view()}
        </div>
    }
}

fn render_block(block: Block, heading_level: u8) -> AnyView {
    match block {
        Block::Paragraph(parts) => view! { <p>{render_inlines(parts)}</p> }.into_any(),
        Block::Heading(level, parts) => {
            let content = render_inlines(parts);
            match heading_level.saturating_add(level - 1) {
                0..=3 => view! { <h3>{content}</h3> }.into_any(),
                4 => view! { <h4>{content}</h4> }.into_any(),
                5 => view! { <h5>{content}</h5> }.into_any(),
                _ => view! { <h6>{content}</h6> }.into_any(),
            }
        }
        // A picture that cannot be drawn says why (the validator reports it too).
        Block::Diagram(diagram) => view! { <Picture diagram /> }.into_any(),
        Block::BadDiagram(error) => view! { <p class="picture-error">{error.say()}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_inlines(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
    }
}

fn render_inlines(parts: Vec<Inline>) -> AnyView {
    parts
        .into_iter()
        .map(|part| match part {
            Inline::Text(text) => with_fractions(&text),
            Inline::Strong(inner) => view! { <strong>{render_inlines(inner)}</strong> }.into_any(),
            Inline::Emphasis(inner) => view! { <em>{render_inlines(inner)}</em> }.into_any(),
            Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
            Inline::Link { href, text } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">
                    {render_inlines(text)}
                </a>
            }
            .into_any(),
            Inline::Image { src, alt } => view! { <img src=src alt=alt /> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// Plain text (a choice, an entry to order, an answer) with its fractions stacked;
/// a text that is one picture (a choice `::: circle; parts: 4; shaded: 1 :::`) is
/// drawn.
#[component]
pub fn MathText(text: String) -> impl IntoView {
    match parse_diagram(&text) {
        Ok(diagram) => view! { <Picture diagram /> }.into_any(),
        Err(_) => with_fractions(&text),
    }
}

/// `text` with each fraction drawn stacked, the numerator over the denominator; a
/// screen reader hears it in words ("3 quarters"). What is written against a
/// fraction (`(1/2),`) is kept on its line with it.
fn with_fractions(text: &str) -> AnyView {
    let pieces = text_pieces(text);
    if let [TextPiece::Words(words)] = pieces.as_slice() {
        return words.to_string().into_any();
    }
    let is_fraction = |at: usize| matches!(pieces.get(at), Some(TextPiece::Fraction { .. }));
    let cut = |at: usize| match pieces.get(at) {
        Some(TextPiece::Words(words)) => {
            cut_around_fractions(words, at > 0 && is_fraction(at - 1), is_fraction(at + 1))
        }
        _ => [""; 3],
    };
    pieces
        .iter()
        .enumerate()
        .map(|(at, piece)| match *piece {
            TextPiece::Words(_) => cut(at)[1].to_string().into_any(),
            TextPiece::Fraction {
                whole,
                numerator,
                denominator,
            } => {
                let before = at.checked_sub(1).map_or("", |before| cut(before)[2]);
                let after = cut(at + 1)[0];
                view! {
                    <span class="unbroken">
                        {before.to_string()}
                        <span class="fraction">
                            <span class="visually-hidden">
                                {fraction_in_words(whole, numerator, denominator)}
                            </span>
                            <span aria-hidden="true">
                                {whole.map(|whole| view! { <span class="whole">{whole.to_string()}</span> })}
                                <span class="stack">
                                    <span class="numerator">{numerator.to_string()}</span>
                                    <span class="denominator">{denominator.to_string()}</span>
                                </span>
                            </span>
                        </span>
                        {after.to_string()}
                    </span>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
