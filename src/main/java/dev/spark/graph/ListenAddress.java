package dev.spark.graph;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a configured listen address stays on this machine: what decides if a server may run without credentials. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** True for a loopback address or a name that resolves to one; blank means every interface, so false. */
    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
