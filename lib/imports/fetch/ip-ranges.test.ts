import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "./ip-ranges";

describe("classifyAddress / isPublicAddress", () => {
  it.each([
    // IPv4, public
    ["93.184.216.34", "public"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.1", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["192.169.0.1", "public"],
    ["223.255.255.255", "public"],
    // IPv4, refused
    ["10.0.0.5", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["169.254.169.254", "link-local"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    // IPv6, public
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4009:81f::200e", "public"],
    ["2001:4860:4860::8888", "public"],
    ["[2606:4700::6810:84e5]", "public"],
    // IPv6, refused
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
    ["::7f00:1", "reserved"],
    // IPv4 inside IPv6: judged by the IPv4 address
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    ["::FFFF:10.0.0.5", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:c0a8:101", "private"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["::ffff:8.8.8.8", "public"],
    ["::ffff:0:7f00:1", "loopback"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::808:808", "public"],
    ["64:ff9b:1::1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["2002:0808:0808::1", "public"],
    // Not addresses at all
    ["example.com", "invalid"],
    ["", "invalid"],
    ["127.1", "invalid"],
    ["0127.0.0.1", "invalid"],
    ["1.2.3.4.5", "invalid"],
    ["::ffff:127.0.0.1:80", "invalid"],
  ])("%s → %s", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
    expect(isPublicAddress(ip)).toBe(kind === "public");
  });
});
