//! The ceilings of `just bench`: what this machine can do at best, measured in the same run
//! as Gatehouse so that each figure can be read against its limit.
//!
//! - `ceilings hello PORT`: axum answering a small JSON object to every GET: the HTTP ceiling.
//! - `ceilings ed25519 PORT`: the same, after verifying one Ed25519-signed JWT from the
//!   `Authorization` header on every request (strict verification and claim parsing, as an
//!   authenticated read without any cache would). Prints the token to use on standard output.
//! - `ceilings hash MEMORY_KIB ITERATIONS PARALLELISM SAMPLES`: the CPU seconds of one argon2id
//!   hash at those parameters (the median of SAMPLES, measured as thread CPU time), then the
//!   hashes per second of one such thread per core running at once; two numbers on one line.
//!
//! Both servers bind 127.0.0.1 only and run until killed.

use std::{
    io::Write,
    net::{Ipv4Addr, SocketAddr},
    sync::Arc,
    time::{SystemTime, UNIX_EPOCH},
};

use argon2::{Algorithm, Argon2, Params, Version};
use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    routing::get,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["hello", port] => serve(port, hello_router()),
        ["ed25519", port] => serve(port, ed25519_router()),
        ["hash", memory, iterations, parallelism, samples] => hash(memory, iterations, parallelism, samples),
        _ => Err("usage: ceilings hello PORT | ed25519 PORT | hash MEMORY_KIB ITERATIONS PARALLELISM SAMPLES".into()),
    };
    if let Err(e) = result {
        eprintln!("ceilings: {e}");
        std::process::exit(2);
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn serve(port: &str, router: Router) -> Result<()> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port.parse::<u16>()?));
    tokio::runtime::Runtime::new()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address).await?;
        axum::serve(listener, router).await?;
        Ok(())
    })
}

fn hello_router() -> Router {
    Router::new().route(
        "/",
        get(|| async { Json(json!({ "id": "0190b1f2-7c8e-7d3a-9f00-000000000000", "email": "hello@example.com" })) }),
    )
}

/// The key and the verification every request pays when nothing is cached.
struct Verifier {
    key: VerifyingKey,
}

impl Verifier {
    fn verify(&self, token: &str) -> Option<Value> {
        let (signed, signature) = token.rsplit_once('.')?;
        let (header, payload) = signed.split_once('.')?;
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
        if header.get("alg")? != "EdDSA" {
            return None;
        }
        let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).ok()?).ok()?;
        self.key.verify_strict(signed.as_bytes(), &signature).ok()?;
        let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
        (claims.get("exp")?.as_u64()? > now).then_some(claims)
    }
}

fn ed25519_router() -> Router {
    // A fixed key is fine: this program only ever measures.
    let signing = SigningKey::from_bytes(&[7u8; 32]);
    let exp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) + 86_400;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"EdDSA","typ":"JWT","kid":"bench"}"#);
    let claims = json!({
        "sub": "0190b1f2-7c8e-7d3a-9f00-000000000000",
        "sid": "0190b1f2-7c8e-7d3a-9f00-000000000001",
        "iss": "gatehouse", "aud": "gatehouse", "exp": exp, "iat": exp - 86_400,
    });
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let signature = URL_SAFE_NO_PAD.encode(signing.sign(signed.as_bytes()).to_bytes());
    let token = format!("{signed}.{signature}");
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{token}");
    let _ = out.flush();
    let verifier = Arc::new(Verifier {
        key: signing.verifying_key(),
    });
    Router::new()
        .route(
            "/",
            get(|State(verifier): State<Arc<Verifier>>, headers: HeaderMap| async move {
                let claims = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix("Bearer "))
                    .and_then(|token| verifier.verify(token));
                match claims {
                    Some(claims) => Ok(Json(json!({ "id": claims["sub"], "email": "hello@example.com" }))),
                    None => Err(StatusCode::UNAUTHORIZED),
                }
            }),
        )
        .with_state(verifier)
}

fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

fn hash(memory: &str, iterations: &str, parallelism: &str, samples: &str) -> Result<()> {
    let params = Params::new(memory.parse()?, iterations.parse()?, parallelism.parse()?, Some(32))
        .map_err(|e| format!("argon2 parameters: {e}"))?;
    let samples: usize = samples.parse::<usize>()?.max(1);
    let mut times = hash_times(&params, samples)?;
    times.sort_by(f64::total_cmp);
    // The same work on every core at once: what the machine really sustains when hashes run
    // side by side and share the memory bus and the last-level cache.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let started = std::time::Instant::now();
    let workers: Vec<_> = (0..cores)
        .map(|_| {
            let params = params.clone();
            std::thread::spawn(move || hash_times(&params, samples).map(|_| ()).map_err(|e| e.to_string()))
        })
        .collect();
    for worker in workers {
        worker.join().map_err(|_| "a hashing thread panicked")??;
    }
    // Each worker also hashed once to warm up.
    let parallel_rate = (cores * (samples + 1)) as f64 / started.elapsed().as_secs_f64();
    println!("{:.6} {:.1}", times[times.len() / 2], parallel_rate);
    Ok(())
}

/// The thread CPU seconds of each of `samples` hashes, after one warm-up hash that touches
/// the memory once, as Gatehouse's reused buffers are.
fn hash_times(params: &Params, samples: usize) -> Result<Vec<f64>> {
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut memory = vec![argon2::Block::default(); params.block_count()];
    let mut out = [0u8; 32];
    let mut times = Vec::with_capacity(samples);
    for i in 0..=samples {
        let started = thread_cpu_seconds();
        argon2
            .hash_password_into_with_memory(
                b"correct horse battery staple 1",
                b"bench-salt-16byt",
                &mut out,
                &mut memory,
            )
            .map_err(|e| format!("argon2: {e}"))?;
        if i > 0 {
            times.push(thread_cpu_seconds() - started);
        }
    }
    Ok(times)
}
