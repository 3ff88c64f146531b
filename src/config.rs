//! Turns parsed arguments, environment variables and the user config file into a plain `Config`.
//! Nothing after this module sees clap types.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::deck::{DeckSettings, NewOrder};
use crate::error::{Error, Result};

/// Everything the commands need to know about their environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the progress database lives.
    pub data_dir: PathBuf,
    /// Directories searched for decks by id, in order.
    pub deck_dirs: Vec<PathBuf>,
    /// Plain line mode (stdin not a terminal, or `--no-input`).
    pub line_mode: bool,
    /// Whether to colour output.
    pub color: bool,
    pub clock: Clock,
    /// The learner's time zone, for study days.
    pub tz: TimeZone,
    /// Settings from the user config file.
    pub user: UserConfig,
    /// The program that opens a card's media (`RECALL_VIEWER`, else `viewer` in the user
    /// config); `None` for the platform's opener.
    pub viewer: Option<String>,
}

/// The one source of the current time. `RECALL_NOW` (RFC 3339) fixes it, for tests and time
/// travel; otherwise it is the system clock.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<Timestamp>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    pub fn fixed(t: Timestamp) -> Clock {
        Clock { fixed: Some(t) }
    }

    pub fn now(&self) -> Timestamp {
        self.fixed.unwrap_or_else(Timestamp::now)
    }

    /// Parses `RECALL_NOW`: an RFC 3339 timestamp such as `2026-03-01T09:00:00+01:00`.
    pub fn from_env_value(value: Option<&str>) -> Result<Clock> {
        match value {
            None => Ok(Clock::system()),
            Some(v) if v.trim().is_empty() => Ok(Clock::system()),
            Some(v) => v
                .trim()
                .parse::<Timestamp>()
                .map(Clock::fixed)
                .map_err(|e| {
                    Error::Usage(format!(
                        "RECALL_NOW=`{v}` is not an RFC 3339 time ({e}); \
                     write it like 2026-03-01T09:00:00Z or unset it"
                    ))
                }),
        }
    }
}

/// The user config file (`$XDG_CONFIG_HOME/recall/config.toml`): defaults for every deck and
/// settings per deck id. Deck settings written by an instructor sit between the two.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// The program that opens a card's media files (given the file as its one argument).
    pub viewer: Option<String>,
    #[serde(default)]
    pub defaults: SettingsFile,
    #[serde(default)]
    pub deck: std::collections::BTreeMap<String, SettingsFile>,
}

/// Settings as written in the user config file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    pub new_per_day: Option<u32>,
    pub reviews_per_day: Option<u32>,
    pub learning_steps: Option<Vec<String>>,
    pub relearning_steps: Option<Vec<String>>,
    pub desired_retention: Option<f32>,
    pub day_start_hour: Option<u8>,
    pub leech_threshold: Option<u32>,
    pub maximum_interval: Option<u32>,
    pub exam: Option<String>,
    pub parameters: Option<Vec<f32>>,
    /// "deck" or "mixed".
    pub new_order: Option<String>,
    pub fuzz: Option<bool>,
}

impl SettingsFile {
    fn to_settings(&self, path: &str) -> Result<DeckSettings> {
        let steps = |v: &Option<Vec<String>>| -> Result<Option<Vec<u32>>> {
            v.as_ref()
                .map(|s| {
                    crate::schedule::parse_steps(s).map_err(|m| Error::Input {
                        path: path.to_string(),
                        message: m,
                    })
                })
                .transpose()
        };
        Ok(DeckSettings {
            new_per_day: self.new_per_day,
            reviews_per_day: self.reviews_per_day,
            learning_steps: steps(&self.learning_steps)?,
            relearning_steps: steps(&self.relearning_steps)?,
            desired_retention: self.desired_retention,
            day_start_hour: self.day_start_hour,
            leech_threshold: self.leech_threshold,
            maximum_interval: self.maximum_interval,
            exam: self.exam.clone(),
            parameters: self.parameters.clone(),
            new_order: self
                .new_order
                .as_deref()
                .map(|o| {
                    NewOrder::parse(o).ok_or_else(|| Error::Input {
                        path: path.to_string(),
                        message: format!("new_order must be \"deck\" or \"mixed\", found \"{o}\""),
                    })
                })
                .transpose()?,
            fuzz: self.fuzz,
        })
    }
}

impl UserConfig {
    pub fn parse(path: &str, text: &str) -> Result<UserConfig> {
        let config: UserConfig = toml::from_str(text).map_err(|e| Error::Input {
            path: path.to_string(),
            message: format!("{e}").trim_end().to_string(),
        })?;
        // Validate step strings now so a typo is reported at start-up, with the file name.
        config.defaults.to_settings(path)?;
        for s in config.deck.values() {
            s.to_settings(path)?;
        }
        Ok(config)
    }

    /// The user's defaults and the user's settings for one deck, as `DeckSettings` layers.
    pub fn layers(&self, deck_id: &str) -> (DeckSettings, DeckSettings) {
        let defaults = self.defaults.to_settings("").unwrap_or_default();
        let deck = self
            .deck
            .get(deck_id)
            .map(|s| s.to_settings("").unwrap_or_default())
            .unwrap_or_default();
        (defaults, deck)
    }
}

/// Overlays `top` on `base`: every field set in `top` wins.
pub fn overlay(base: &DeckSettings, top: &DeckSettings) -> DeckSettings {
    DeckSettings {
        new_per_day: top.new_per_day.or(base.new_per_day),
        reviews_per_day: top.reviews_per_day.or(base.reviews_per_day),
        learning_steps: top
            .learning_steps
            .clone()
            .or_else(|| base.learning_steps.clone()),
        relearning_steps: top
            .relearning_steps
            .clone()
            .or_else(|| base.relearning_steps.clone()),
        desired_retention: top.desired_retention.or(base.desired_retention),
        day_start_hour: top.day_start_hour.or(base.day_start_hour),
        leech_threshold: top.leech_threshold.or(base.leech_threshold),
        maximum_interval: top.maximum_interval.or(base.maximum_interval),
        exam: top.exam.clone().or_else(|| base.exam.clone()),
        parameters: top.parameters.clone().or_else(|| base.parameters.clone()),
        new_order: top.new_order.or(base.new_order),
        fuzz: top.fuzz.or(base.fuzz),
    }
}

/// What the process environment says, gathered in one place so tests can build it by hand.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub data_dir: Option<PathBuf>,
    pub decks_dir: Option<PathBuf>,
    pub now: Option<String>,
    /// `RECALL_VIEWER`: the program that opens media, over the config file's `viewer`.
    pub viewer: Option<String>,
    pub no_color: bool,
    pub stdin_tty: bool,
    pub stdout_tty: bool,
}

impl Env {
    pub fn from_process() -> Env {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        Env {
            data_dir: var("RECALL_DATA_DIR").map(PathBuf::from),
            decks_dir: var("RECALL_DECKS").map(PathBuf::from),
            now: std::env::var("RECALL_NOW").ok(),
            viewer: std::env::var("RECALL_VIEWER")
                .ok()
                .filter(|v| !v.trim().is_empty()),
            no_color: var("NO_COLOR").is_some(),
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty: std::io::stdout().is_terminal(),
        }
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "recall")
}

impl Config {
    pub fn new(args: &GlobalArgs, env: &Env) -> Result<Config> {
        let data_dir = args
            .data_dir
            .clone()
            .or_else(|| env.data_dir.clone())
            .or_else(|| project_dirs().map(|d| d.data_dir().to_path_buf()))
            .ok_or_else(|| {
                Error::Usage(
                    "cannot find a home directory for progress; pass --data-dir DIR".to_string(),
                )
            })?;
        let mut deck_dirs = Vec::new();
        if let Some(d) = args.decks_dir.clone().or_else(|| env.decks_dir.clone()) {
            deck_dirs.push(d);
        } else {
            deck_dirs.push(PathBuf::from("decks"));
            deck_dirs.push(data_dir.join("decks"));
        }
        let config_path = args
            .config
            .clone()
            .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")));
        let user = match config_path {
            Some(p) => read_user_config(&p, args.config.is_some())?,
            None => UserConfig::default(),
        };
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stdout_tty && !env.no_color,
        };
        let viewer = env
            .viewer
            .clone()
            .or_else(|| user.viewer.clone().filter(|v| !v.trim().is_empty()));
        Ok(Config {
            data_dir,
            deck_dirs,
            line_mode: args.no_input || !env.stdin_tty,
            color,
            clock: Clock::from_env_value(env.now.as_deref())?,
            tz: TimeZone::try_system().unwrap_or(TimeZone::UTC),
            user,
            viewer,
        })
    }
}

fn read_user_config(path: &Path, explicit: bool) -> Result<UserConfig> {
    match std::fs::read_to_string(path) {
        Ok(text) => UserConfig::parse(&path.display().to_string(), &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
            Ok(UserConfig::default())
        }
        Err(e) => Err(Error::io("read config file", path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recall_now_fixes_the_clock() {
        let c = Clock::from_env_value(Some("2026-03-01T09:00:00Z")).unwrap();
        assert_eq!(c.now().to_string(), "2026-03-01T09:00:00Z");
    }

    #[test]
    fn bad_recall_now_says_how_to_write_it() {
        let e = Clock::from_env_value(Some("yesterday")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("RECALL_NOW=`yesterday` is not an RFC 3339 time")
        );
    }

    #[test]
    fn user_config_layers_defaults_and_decks() {
        let c = UserConfig::parse(
            "c.toml",
            "[defaults]\nnew_per_day = 5\n[deck.sco]\nlearning_steps = [\"2m\"]\n",
        )
        .unwrap();
        let (d, s) = c.layers("sco");
        assert_eq!(d.new_per_day, Some(5));
        assert_eq!(s.learning_steps, Some(vec![120]));
        let merged = overlay(&d, &s);
        assert_eq!(merged.new_per_day, Some(5));
        assert_eq!(merged.learning_steps, Some(vec![120]));
    }

    #[test]
    fn user_config_sets_the_order_of_new_cards_and_refuses_others() {
        let c = UserConfig::parse("c.toml", "[deck.sco]\nnew_order = \"deck\"\n").unwrap();
        assert_eq!(c.layers("sco").1.new_order, Some(NewOrder::Deck));
        assert_eq!(c.layers("other").1.new_order, None);
        let e = UserConfig::parse("c.toml", "[defaults]\nnew_order = \"random\"\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: new_order must be \"deck\" or \"mixed\", found \"random\""
        );
    }

    #[test]
    fn the_viewer_comes_from_the_environment_before_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "viewer = \"feh\"\n[defaults]\nnew_per_day = 5\n").unwrap();
        let args = GlobalArgs {
            data_dir: Some(dir.path().to_path_buf()),
            decks_dir: None,
            config: Some(file),
            no_input: true,
            color: ColorChoice::Never,
        };
        let c = Config::new(&args, &Env::default()).unwrap();
        assert_eq!(c.viewer.as_deref(), Some("feh"));
        let env = Env {
            viewer: Some("/tmp/show-it".into()),
            ..Env::default()
        };
        let c = Config::new(&args, &env).unwrap();
        assert_eq!(c.viewer.as_deref(), Some("/tmp/show-it"));
    }

    #[test]
    fn user_config_rejects_unknown_keys_with_the_file_name() {
        let e = UserConfig::parse("c.toml", "[defaults]\nnew_per_dya = 5\n").unwrap_err();
        assert!(e.to_string().starts_with("c.toml: "), "{e}");
        assert!(e.to_string().contains("new_per_dya"), "{e}");
    }

    #[test]
    fn flags_and_env_choose_the_data_dir() {
        let args = GlobalArgs {
            data_dir: None,
            decks_dir: None,
            config: Some(PathBuf::from("/nonexistent/recall-test-config.toml")),
            no_input: false,
            color: ColorChoice::Auto,
        };
        let env = Env {
            data_dir: Some("/tmp/x".into()),
            ..Env::default()
        };
        // An explicit config path that does not exist is an error...
        assert!(Config::new(&args, &env).is_err());
        let args = GlobalArgs {
            config: None,
            ..args
        };
        let c = Config::new(&args, &env).unwrap();
        assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
        // ...and without a terminal on stdin, line mode is chosen.
        assert!(c.line_mode);
        assert!(!c.color);
    }
}
