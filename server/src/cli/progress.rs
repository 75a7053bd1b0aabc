//! A progress bar on the terminal for work longer than a second; silent when not a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A bar counting rows (or items) towards a total.
pub struct Bar(ProgressBar);

impl Bar {
    /// A hidden bar when stderr is not a terminal; shown after one second otherwise.
    pub fn new(total: u64, what: &str) -> Bar {
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr_with_hz(5))
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{msg} [{bar:40}] {human_pos}/{human_len} ({per_sec}, còn {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(1000));
        Bar(bar)
    }

    /// Moves the bar forward.
    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }

    /// Sets how far the work is.
    pub fn set_position(&self, n: u64) {
        self.0.set_position(n);
    }

    /// Clears the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Bar {
    /// Sets the total once it is known.
    pub fn set_total(&self, total: u64) {
        if self.0.length() != Some(total) {
            self.0.set_length(total);
        }
    }
}
