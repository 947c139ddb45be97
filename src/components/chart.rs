//! The consumption chart: a `<canvas>` painted by plotters, with its text
//! alternative. The drawing is a plain function over plain series; the
//! component's Effect only syncs the canvas with it.

use crate::i18n::Msg;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::sync::Arc;

/// What the chart shows: cumulative consumption, the cap, and the
/// forecast's line (from today to where the pace leads).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartData {
    /// (ms since epoch, cumulative quantity).
    pub points: Vec<(i64, f64)>,
    pub cap: Option<f64>,
    pub forecast: Option<[(i64, f64); 2]>,
    /// The From/To range shown (ms since epoch; an open end is the chart's
    /// edge): marked by a line at each end.
    pub range: Option<(Option<i64>, Option<i64>)>,
}

/// Colours, read from the theme so the chart follows it.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub line: RGBColor,
    pub cap: RGBColor,
    pub forecast: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
}

pub const LIGHT: Palette = Palette {
    line: RGBColor(0, 95, 184),
    cap: RGBColor(164, 38, 44),
    forecast: RGBColor(96, 94, 92),
    text: RGBColor(50, 49, 48),
    grid: RGBColor(225, 223, 221),
};

fn hex(s: &str) -> Option<RGBColor> {
    let h = s.trim().strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some(RGBColor(c(0)?, c(2)?, c(4)?))
}

/// The palette of the theme in force where the canvas is (the design
/// tokens of `style/tokens.css`), so the chart follows light and dark.
pub fn palette_for(canvas: &web_sys::HtmlCanvasElement) -> Palette {
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten())
    else {
        return LIGHT;
    };
    let var = |name: &str, fallback: RGBColor| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| hex(&v))
            .unwrap_or(fallback)
    };
    Palette {
        line: var("--ca-bar-fill", LIGHT.line),
        cap: var("--ca-danger", LIGHT.cap),
        forecast: var("--ca-text-muted", LIGHT.forecast),
        text: var("--ca-text", LIGHT.text),
        grid: var("--ca-border", LIGHT.grid),
    }
}

/// Paints `data` on `canvas`. `fmt_x` writes an axis date, `fmt_y` a number.
pub fn draw(
    canvas: web_sys::HtmlCanvasElement,
    data: &ChartData,
    pal: Palette,
    fmt_x: &dyn Fn(i64) -> String,
    fmt_y: &dyn Fn(f64) -> String,
) -> Result<(), String> {
    let canvas_width = canvas.width();
    // Two buckets per pixel column: what a long list draws is the same.
    let points = crate::domain::forecast::thin(&data.points, 2 * canvas.width() as usize);
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&TRANSPARENT).map_err(|e| e.to_string())?;
    let xs = data
        .points
        .iter()
        .map(|p| p.0)
        .chain(data.forecast.iter().flat_map(|f| f.iter().map(|p| p.0)));
    let (x0, x1) = xs.fold((i64::MAX, i64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if x0 > x1 {
        return Ok(());
    }
    let x1 = if x1 == x0 { x0 + 86_400_000 } else { x1 };
    let ymax = data
        .points
        .iter()
        .map(|p| p.1)
        .chain(data.cap)
        .chain(data.forecast.iter().flat_map(|f| f.iter().map(|p| p.1)))
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.1;
    let style = ("sans-serif", 13).into_font().color(&pal.text);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(30)
        .y_label_area_size(56)
        .build_cartesian_2d(x0 as f64..x1 as f64, 0f64..ymax)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(pal.grid)
        .axis_style(pal.text)
        .label_style(style)
        // A date label is about 80 px wide ("21 set 2026"): one per 150 px
        // of plot at least, so that they never touch on a phone.
        .x_labels(match canvas_width {
            w if w < 440 => 2,
            w if w < 640 => 3,
            _ => 5,
        })
        .y_labels(5)
        .x_label_formatter(&|x| fmt_x(*x as i64))
        .y_label_formatter(&|y| fmt_y(*y))
        .draw()
        .map_err(|e| e.to_string())?;
    if let Some(cap) = data.cap {
        chart
            .draw_series(LineSeries::new(
                [(x0 as f64, cap), (x1 as f64, cap)],
                pal.cap.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
    }
    if let Some(f) = data.forecast {
        chart
            .draw_series(DashedLineSeries::new(
                f.map(|(x, y)| (x as f64, y)),
                6,
                4,
                pal.forecast.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
    }
    if let Some((from, to)) = data.range {
        for x in [from, to].into_iter().flatten() {
            let x = x.clamp(x0, x1) as f64;
            chart
                .draw_series(DashedLineSeries::new(
                    [(x, 0.0), (x, ymax)],
                    3,
                    3,
                    pal.text.stroke_width(1),
                ))
                .map_err(|e| e.to_string())?;
        }
    }
    // A step line: consumption holds until the next record.
    let mut steps = Vec::with_capacity(points.len() * 2);
    let mut prev = 0.0;
    for &(x, y) in &points {
        steps.push((x as f64, prev));
        steps.push((x as f64, y));
        prev = y;
    }
    chart
        .draw_series(LineSeries::new(steps, pal.line.stroke_width(3)))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}

/// Sizes the canvas to the width it is shown at (its labels are drawn at
/// their real size, so they stay readable on a phone instead of being
/// scaled down with a wide canvas); 720×280 when it is not laid out.
fn fit(c: &web_sys::HtmlCanvasElement) {
    let shown = c.client_width();
    if shown <= 0 {
        return;
    }
    let w = (shown as u32).clamp(280, 960);
    let h = (w * 280 / 720).max(220);
    if c.width() != w {
        c.set_width(w);
    }
    if c.height() != h {
        c.set_height(h);
    }
}

#[component]
pub fn ConsumptionChart(
    data: ChartData,
    /// The text alternative: what the chart says, in words.
    #[prop(into)]
    alt: Signal<String>,
    fmt_x: Arc<dyn Fn(i64) -> String + Send + Sync>,
    fmt_y: Arc<dyn Fn(f64) -> String + Send + Sync>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let has_cap = data.cap.is_some();
    let has_forecast = data.forecast.is_some();
    // Drawn once the page around it is painted, in a task of its own: its
    // width is then laid out already (reading it before would force a
    // layout of the whole page inside the task that builds it; on a phone
    // that task was the drilldown's longest). The canvas's box does not
    // depend on its pixel size (style/base.css), so nothing moves.
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
            let (data, fmt_x, fmt_y) = (data.clone(), fmt_x.clone(), fmt_y.clone());
            leptos::task::spawn_local(async move {
                crate::platform::after_paint().await;
                fit(&c);
                let pal = palette_for(&c);
                if let Err(e) = draw(c, &data, pal, &*fmt_x, &*fmt_y) {
                    leptos::logging::warn!("chart not drawn: {e}");
                }
            });
        }
    });
    let l = crate::ui::use_locale();
    view! {
        <div class="chart">
            <canvas
                node_ref=canvas
                width="720"
                height="280"
                role="img"
                aria-label=move || alt.get()
            ></canvas>
            <ul class="chart-legend" aria-hidden="true">
                <li>
                    <span class="swatch swatch--line"></span>
                    {move || l.get().t(Msg::ConsumedToDate)}
                </li>
                {has_cap
                    .then(|| {
                        view! {
                            <li>
                                <span class="swatch swatch--cap"></span>
                                {move || l.get().t(Msg::Purchased)}
                            </li>
                        }
                    })}
                {has_forecast
                    .then(|| {
                        view! {
                            <li>
                                <span class="swatch swatch--forecast"></span>
                                {move || l.get().t(Msg::Forecast)}
                            </li>
                        }
                    })}
            </ul>
        </div>
    }
}
