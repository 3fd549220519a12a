//! A minimal browser for the staff console: keeps its cookies, follows no redirect on its
//! own, and reads the CSRF token out of a page's forms.

use std::collections::BTreeMap;

use reqwest::{StatusCode, header::HeaderMap, redirect::Policy};

use crate::{SetCookie, TestApp, TestUser};

/// One answer of the console.
#[derive(Debug)]
pub struct ConsolePage {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl ConsolePage {
    /// Where a redirect points.
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }

    /// The value of the first hidden `csrf` field.
    pub fn csrf(&self) -> String {
        self.hidden("csrf")
            .unwrap_or_else(|| panic!("no csrf field in {}", self.body))
    }

    /// The value of the first attribute `name`, HTML-unescaped.
    pub fn attribute(&self, name: &str) -> Option<String> {
        let marker = format!("{name}=\"");
        let start = self.body.find(&marker)? + marker.len();
        let end = self.body[start..].find('"')? + start;
        let raw = &self.body[start..end];
        Some(
            raw.replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        )
    }

    /// The value of the first hidden field `name`.
    pub fn hidden(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker)? + marker.len();
        let end = self.body[start..].find('"')? + start;
        Some(self.body[start..end].to_string())
    }
}

/// A browser session on the console.
pub struct ConsoleBrowser {
    base: String,
    http: reqwest::Client,
    /// The cookies it holds, by name.
    pub cookies: BTreeMap<String, String>,
}

impl ConsoleBrowser {
    /// A browser with no cookie yet.
    pub fn new(app: &TestApp) -> Self {
        Self {
            base: app.address.clone(),
            http: reqwest::Client::builder()
                .redirect(Policy::none())
                .build()
                .expect("a client builds"),
            cookies: BTreeMap::new(),
        }
    }

    fn keep_cookies(&mut self, headers: &HeaderMap) {
        for cookie in SetCookie::all(headers) {
            if cookie.clears() {
                self.cookies.remove(&cookie.name);
            } else {
                self.cookies.insert(cookie.name, cookie.value);
            }
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn read(&mut self, response: reqwest::Response) -> ConsolePage {
        let status = response.status();
        let headers = response.headers().clone();
        self.keep_cookies(&headers);
        let body = response.text().await.expect("a body");
        ConsolePage { status, headers, body }
    }

    /// `GET path`.
    pub async fn get(&mut self, path: &str) -> ConsolePage {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("the console answers");
        self.read(response).await
    }

    /// `POST path` with these form fields.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> ConsolePage {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("the console answers");
        self.read(response).await
    }

    /// Signs in with `user`'s password (no second factor); answers the sign-in's answer.
    pub async fn sign_in(&mut self, user: &TestUser) -> ConsolePage {
        let form = self.get("/admin/sign-in").await;
        let csrf = form.csrf();
        self.post(
            "/admin/sign-in",
            &[("csrf", &csrf), ("email", &user.email), ("password", &user.password)],
        )
        .await
    }
}
