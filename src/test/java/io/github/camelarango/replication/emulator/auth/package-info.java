/**
 * The emulator's authentication: HTTP Basic, JWTs from {@code POST /_open/auth} and tokens signed with the server
 * secret. Internal to the emulator: not part of the test kit's API, free to change between releases.
 */
package io.github.camelarango.replication.emulator.auth;
