//! What an operator can set, from environment variables (each has a default that suits one
//! workshop server on a laptop or a small machine).

use std::path::PathBuf;
use std::time::Duration;

/// The server's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// `HOST`: the address to listen on; `0.0.0.0` lets the room's devices in from the network.
    pub host: String,
    /// `PORT`.
    pub port: u16,
    /// `LEIDRAAD_DIST`: the built app (`scripts/build.sh` writes it).
    pub dist: PathBuf,
    /// `LEIDRAAD_DB`: the SQLite file with the rooms.
    pub db: PathBuf,
    /// `LEIDRAAD_PUBLIC_URL`: the address people type to join (for the QR code); by default
    /// the address the facilitator's browser used.
    pub public_url: Option<String>,
    /// `LEIDRAAD_RETENTION_HOURS`: a room is deleted this long after its last change.
    pub retention: Duration,
    /// `LEIDRAAD_MAX_ROOMS`: rooms the server holds at most.
    pub max_rooms: usize,
    /// `LEIDRAAD_MAX_CLIENTS`: devices in one room at most.
    pub max_clients: usize,
    /// `LEIDRAAD_MAX_FRAME`: largest WebSocket message in bytes.
    pub max_frame: usize,
    /// `LEIDRAAD_CLIENT_RATE`: steps per second one device may send (twice that in a burst).
    pub client_rate: f64,
    /// `LEIDRAAD_ROOM_RATE`: steps per second one room takes (twice that in a burst).
    pub room_rate: f64,
    /// `LEIDRAAD_JOIN_RATE`: joins and new rooms per minute from one address (that many in a burst).
    pub join_rate: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            dist: "dist".into(),
            db: "leidraad-rooms.sqlite3".into(),
            public_url: None,
            retention: Duration::from_secs(72 * 3600),
            max_rooms: 500,
            max_clients: 100,
            max_frame: 256 * 1024,
            client_rate: 10.0,
            room_rate: 200.0,
            join_rate: 30.0,
        }
    }
}

impl Config {
    /// The defaults, with whatever the environment sets; a value that cannot be read is an error.
    pub fn from_env() -> Result<Config, String> {
        let mut c = Config::default();
        let mut hours = c.retention.as_secs_f64() / 3600.0;
        read("HOST", &mut c.host)?;
        read("PORT", &mut c.port)?;
        read("LEIDRAAD_DIST", &mut c.dist)?;
        read("LEIDRAAD_DB", &mut c.db)?;
        read("LEIDRAAD_RETENTION_HOURS", &mut hours)?;
        read("LEIDRAAD_MAX_ROOMS", &mut c.max_rooms)?;
        read("LEIDRAAD_MAX_CLIENTS", &mut c.max_clients)?;
        read("LEIDRAAD_MAX_FRAME", &mut c.max_frame)?;
        read("LEIDRAAD_CLIENT_RATE", &mut c.client_rate)?;
        read("LEIDRAAD_ROOM_RATE", &mut c.room_rate)?;
        read("LEIDRAAD_JOIN_RATE", &mut c.join_rate)?;
        c.retention =
            Duration::try_from_secs_f64(hours * 3600.0).map_err(|_| format!("LEIDRAAD_RETENTION_HOURS={hours}"))?;
        let mut url = String::new();
        read("LEIDRAAD_PUBLIC_URL", &mut url)?;
        c.public_url = (!url.is_empty()).then(|| url.trim_end_matches('/').to_string());
        Ok(c)
    }
}

/// Sets `slot` from the environment variable `name` when it is set and not empty.
fn read<T: std::str::FromStr>(name: &str, slot: &mut T) -> Result<(), String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => {
            *slot = v.parse().map_err(|_| format!("{name}={v} cannot be read"))?;
            Ok(())
        }
        _ => Ok(()),
    }
}
