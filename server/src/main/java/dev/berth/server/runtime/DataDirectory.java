package dev.berth.server.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Objects;

/**
 * The server's data folder (readable by the server's user alone) and the secrets it keeps there:
 * the 256-bit master key that seals AccessKey secrets, and the ES256 key that signs tokens. Both are
 * made on the first start, written to a temporary file first and moved in place, mode 0600.
 */
public final class DataDirectory {
    static final String MASTER_KEY = "master.key";
    static final String TOKEN_SIGNING_KEY = "token-signing.key";
    public static final String BOOTSTRAP_CREDENTIALS = "bootstrap-credentials";
    static final String SERVER_LOCK = "serve.lock";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    public static DataDirectory open(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return new DataDirectory(root.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder `" + root + "`", e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Holds the data folder for one {@code berth serve} until closed: a second server on the same
     * folder (on this machine) stops at start instead of sharing an embedded database that this one
     * serves alone. Several nodes share PostgreSQL instead.
     */
    public AutoCloseable holdForServer() {
        Path file = root.resolve(SERVER_LOCK);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another `berth serve` is using the data folder `" + root + "`; one server runs"
                        + " per data folder (several servers share a PostgreSQL database through `metadata.url`)");
            }
            return channel::close;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock `" + file + "`", e);
        }
    }

    public byte[] masterKey(SecureRandom random) {
        Path file = root.resolve(MASTER_KEY);
        if (Files.exists(file)) {
            byte[] key = read(file);
            if (key.length != 32) {
                throw new IllegalStateException("`" + file + "` is not a 32-byte master key");
            }
            return key;
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        writePrivate(file, key);
        return key;
    }

    public PrivateKey tokenSigningKey(SecureRandom random) {
        Path file = root.resolve(TOKEN_SIGNING_KEY);
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                writePrivate(file, generator.generateKeyPair().getPrivate().getEncoded());
            }
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(read(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("`" + file + "` is not an EC P-256 key", e);
        }
    }

    /** Writes {@code content} to a new file of the folder, mode 0600; refuses to overwrite. */
    public Path writePrivate(String name, byte[] content) {
        Path file = root.resolve(name);
        if (Files.exists(file)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(file.toString()));
        }
        writePrivate(file, content);
        return file;
    }

    private static void writePrivate(Path file, byte[] content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write `" + file + "`", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + file + "`", e);
        }
    }
}
