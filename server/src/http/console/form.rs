//! Posted console forms: `application/x-www-form-urlencoded` fields, a name possibly repeated
//! (checkboxes).

/// A posted form's fields, in order.
pub struct FormData(Vec<(String, String)>);

impl FormData {
    /// The fields of an urlencoded body.
    pub fn parse(body: &[u8]) -> Self {
        Self(url::form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, trimmed, when not empty.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// Every value of `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Whether the confirmation page's button sent it.
    pub fn confirmed(&self) -> bool {
        self.get("confirmed") == Some("yes")
    }
}

#[cfg(test)]
mod tests {
    use super::FormData;

    #[test]
    fn repeated_names_and_encoded_values_are_kept() {
        let form = FormData::parse(b"csrf=a%2Bb&events=user.created&events=user.deleted&name=+Ada+&confirmed=yes");
        assert_eq!(form.get("csrf"), Some("a+b"));
        assert_eq!(form.all("events").collect::<Vec<_>>(), ["user.created", "user.deleted"]);
        assert_eq!(form.text("name").as_deref(), Some("Ada"));
        assert!(form.confirmed());
        assert_eq!(form.text("missing"), None);
    }
}
