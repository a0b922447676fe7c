//! `leidraad-server`: the app and its live rooms on one address (`scripts/serve.sh`).
//! Settings come from the environment (see `Config`); `HOST=0.0.0.0` lets other devices in.

#[tokio::main]
async fn main() {
    let config = match leidraad_server::Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("leidraad-server: {e}");
            std::process::exit(2);
        }
    };
    let address = format!("{}:{}", config.host, config.port);
    let listener = match tokio::net::TcpListener::bind(&address).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("leidraad-server: cannot listen on {address}: {e}");
            std::process::exit(1);
        }
    };
    let shown = listener.local_addr().map_or(address, |a| a.to_string());
    // Tests and scripts read this line to learn the port (PORT=0 picks a free one).
    println!("Leidraad: http://{shown}/  (Ctrl+C stops)");
    if let Err(e) = leidraad_server::serve(listener, config).await {
        eprintln!("leidraad-server: {e}");
        std::process::exit(1);
    }
}
