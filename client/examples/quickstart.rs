//! Register, log in, read the account, refresh and log out with the generated client.
//!
//! ```sh
//! cargo run -p gatehouse -- serve &                       # a server on 127.0.0.1:8000
//! cargo run -p gatehouse-client --example quickstart -- http://127.0.0.1:8000
//! ```
//!
//! With `EMAIL_VERIFICATION=mandatory` (the default) the first login answers
//! `email_not_verified`: paste the token from the verification e-mail (the console backend
//! prints it) when asked. With `optional` or `none` it runs straight through.

use gatehouse_client::{Client, Error, types};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:8000".to_string());
    let anonymous = Client::new(&base);
    let email = format!("quickstart-{}@example.com", std::process::id());
    let password = "correct horse battery staple".to_string();

    // The same 202 whether or not the address already had an account.
    let accepted = anonymous
        .register(&types::RegisterRequest {
            // Strings with a maxLength in the spec are checked newtypes: `try_into()` them.
            email: email.as_str().try_into()?,
            password: password.as_str().try_into()?,
            first_name: Some("Ada".try_into()?),
            last_name: None,
        })
        .await?
        .into_inner();
    println!("registered {email}: {}", accepted.detail);

    // Errors are typed RFC 9457 problems: branch on `code`.
    let wrong = types::LoginRequest {
        email: email.as_str().try_into()?,
        password: "not it".try_into()?,
    };
    match anonymous.login(&wrong).await {
        Err(Error::ErrorResponse(problem)) => println!("wrong password -> {} {}", problem.status(), problem.code),
        other => return Err(format!("expected a problem, got {other:?}").into()),
    }

    let login = types::LoginRequest {
        email: email.as_str().try_into()?,
        password: password.as_str().try_into()?,
    };
    let tokens = match anonymous.login(&login).await {
        Ok(tokens) => tokens.into_inner(),
        Err(Error::ErrorResponse(problem)) if problem.code == "email_not_verified" => {
            println!("verify the address first; paste the token from the e-mail's link:");
            let mut token = String::new();
            std::io::stdin().read_line(&mut token)?;
            let verified = anonymous
                .verify_email(&types::TokenRequest {
                    token: token.trim().try_into()?,
                })
                .await?
                .into_inner();
            println!("verified {} at {}", verified.email, verified.email_verified_at);
            anonymous.login(&login).await?.into_inner()
        }
        Err(other) => return Err(other.into()),
    };
    let me = authorized(&base, &tokens.access_token)?.get_me().await?.into_inner();
    println!("signed in as {} {}", me.first_name, me.email);

    let refresh_token = tokens.refresh_token.ok_or("no refresh token (cookie mode?)")?;
    let rotated = anonymous
        .refresh_token(&types::RefreshRequest {
            refresh_token: Some(refresh_token.try_into()?),
        })
        .await?
        .into_inner();
    println!("refreshed; access token valid for {} s", rotated.expires_in);

    authorized(&base, &rotated.access_token)?.logout().await?;
    match authorized(&base, &rotated.access_token)?.get_me().await {
        Err(Error::ErrorResponse(problem)) => println!("after logout -> {}", problem.code),
        other => return Err(format!("expected session_revoked, got {other:?}").into()),
    }
    Ok(())
}

/// A client whose requests carry the access token.
fn authorized(base: &str, access_token: &str) -> Result<Client, Box<dyn std::error::Error>> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {access_token}").parse()?,
    );
    Ok(Client::new_with_client(
        base,
        reqwest::Client::builder().default_headers(headers).build()?,
    ))
}
