//! Who the client is: the socket peer, unless that peer is a proxy listed in
//! `TRUSTED_PROXIES`; then the address that proxy saw, from `X-Forwarded-For` (or, when there
//! is none, the RFC 7239 `Forwarded: for=`). The chain is read from the right, skipping
//! trusted proxies: entries further left were written by whoever sent the request and prove
//! nothing. Without trusted proxies the headers are ignored, so nobody can pick their IP.

use std::net::IpAddr;

use http::HeaderMap;
use ipnet::IpNet;

/// The client's address for a request that arrived from `peer`.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = canonical(peer);
    if !is_trusted(peer, trusted) {
        return peer;
    }
    let chain = forwarded_for(headers, "x-forwarded-for", parse_xff_entry)
        .or_else(|| forwarded_for(headers, "forwarded", parse_forwarded_element));
    let Some(chain) = chain else {
        return peer;
    };
    let mut client = peer;
    for hop in chain.iter().rev() {
        // An entry that is not an address (garbage, `unknown`, an obfuscated name): nothing
        // to its left can be trusted, so the last proxy we trust is the best we know.
        let Some(hop) = hop else {
            return client;
        };
        client = canonical(*hop);
        if !is_trusted(client, trusted) {
            return client;
        }
    }
    client
}

fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&ip))
}

/// IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report IPv4 peers) as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Every comma-separated element of every `name` header, in order, each parsed by `parse`;
/// `None` when the header is absent.
fn forwarded_for(
    headers: &HeaderMap,
    name: &str,
    parse: fn(&str) -> Option<Option<IpAddr>>,
) -> Option<Vec<Option<IpAddr>>> {
    let mut values = headers.get_all(name).iter().peekable();
    values.peek()?;
    let mut chain = Vec::new();
    for value in values {
        let Ok(value) = value.to_str() else {
            chain.push(None);
            continue;
        };
        chain.extend(value.split(',').filter_map(parse));
    }
    Some(chain)
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`). Empty entries are skipped.
fn parse_xff_entry(entry: &str) -> Option<Option<IpAddr>> {
    let entry = entry.trim();
    (!entry.is_empty()).then(|| parse_node(entry))
}

/// One `Forwarded` element (`for=192.0.2.60;proto=http;by=203.0.113.43`): its `for=` node;
/// an element without one is skipped.
fn parse_forwarded_element(element: &str) -> Option<Option<IpAddr>> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_node(value.trim().trim_matches('"')))
    })
}

/// An address with an optional port; IPv6 bare or in brackets.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']').and_then(|(v6, _)| v6.parse().ok());
    }
    node.rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(v4, _)| v4.parse::<std::net::Ipv4Addr>().ok())
        .map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("an address")
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().expect("a network")).collect()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().expect("a header value"));
        }
        map
    }

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        let h = headers(&[("x-forwarded-for", "1.1.1.1"), ("forwarded", "for=2.2.2.2")]);
        assert_eq!(client_ip(ip("203.0.113.9"), &h, &[]), ip("203.0.113.9"));
        assert_eq!(
            client_ip(ip("203.0.113.9"), &h, &nets(&["10.0.0.0/8"])),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "192.168.0.1/32"]);
        // The client claims 6.6.6.6; our proxies appended the real 198.51.100.4 and 10.0.0.5.
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.4, 10.0.0.5")]);
        assert_eq!(client_ip(ip("192.168.0.1"), &h, &trusted), ip("198.51.100.4"));
        // Several headers are one list, in order.
        let h = headers(&[("x-forwarded-for", "6.6.6.6"), ("x-forwarded-for", "198.51.100.4:5555")]);
        assert_eq!(client_ip(ip("10.1.1.1"), &h, &trusted), ip("198.51.100.4"));
    }

    #[test]
    fn a_trusted_peer_without_headers_or_only_trusted_hops() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(client_ip(ip("10.0.0.1"), &HeaderMap::new(), &trusted), ip("10.0.0.1"));
        let h = headers(&[("x-forwarded-for", "10.0.0.7, 10.0.0.8")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.7"));
    }

    #[test]
    fn ipv6_and_mapped_addresses() {
        let trusted = nets(&["::1/128", "127.0.0.1/32"]);
        let h = headers(&[("x-forwarded-for", "[2001:db8::7]:443")]);
        assert_eq!(client_ip(ip("::1"), &h, &trusted), ip("2001:db8::7"));
        let h = headers(&[("x-forwarded-for", "2001:db8::8")]);
        assert_eq!(client_ip(ip("::ffff:127.0.0.1"), &h, &trusted), ip("2001:db8::8"));
        assert_eq!(
            client_ip(ip("::ffff:203.0.113.1"), &HeaderMap::new(), &[]),
            ip("203.0.113.1")
        );
    }

    #[test]
    fn forwarded_is_read_when_there_is_no_x_forwarded_for() {
        let trusted = nets(&["10.0.0.0/8"]);
        let h = headers(&[(
            "forwarded",
            r#"for=6.6.6.6, for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.3;by=10.0.0.1"#,
        )]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("2001:db8:cafe::17"));
        let h = headers(&[("Forwarded", "proto=https;FOR=198.51.100.1")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("198.51.100.1"));
    }

    #[test]
    fn garbage_stops_the_walk_at_the_last_trusted_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        let h = headers(&[("x-forwarded-for", "1.2.3.4, not-an-ip, 10.0.0.9")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.9"));
        let h = headers(&[("x-forwarded-for", "garbage")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.1"));
        let h = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.1"));
        let h = headers(&[("x-forwarded-for", ", ,198.51.100.2,")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("198.51.100.2"));
    }
}
