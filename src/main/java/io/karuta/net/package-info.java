/**
 * Who sent a request: the connection's address, or behind a trusted reverse proxy the address its
 * real-IP header ({@code X-Forwarded-For}, {@code X-Real-IP}) names. One rule for every endpoint:
 * the HTTP tracker and the stats endpoints both ask {@link io.karuta.net.ClientAddresses}.
 */
package io.karuta.net;
