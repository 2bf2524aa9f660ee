package dev.switchboard.sip.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * Picks the address to put in SDP when {@code media.address} is not set: the first IPv4 address of an interface
 * that is up and not loopback, else loopback. A server behind NAT must set {@code media.address} to its public
 * address; the log says which one was chosen.
 */
final class MediaAddress {

    private MediaAddress() {}

    static String detect() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                Optional<String> address = usable(nic);
                if (address.isPresent()) {
                    return address.get();
                }
            }
        } catch (SocketException e) {
            // fall through to loopback
        }
        return "127.0.0.1";
    }

    private static Optional<String> usable(NetworkInterface nic) throws SocketException {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
            return Optional.empty();
        }
        return Collections.list(nic.getInetAddresses()).stream()
                .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
    }
}
