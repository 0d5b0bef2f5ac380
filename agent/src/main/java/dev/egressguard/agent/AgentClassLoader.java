package dev.egressguard.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads egress-guard's classes and resources from the agent jar's private {@code inst/} folder, where class
 * files are stored as {@code .classdata} so that no other loader can find them. Its parent is the platform
 * loader: it sees the JDK and (once on the bootstrap path) {@code dev.egressguard.api}, never the application.
 */
final class AgentClassLoader extends ClassLoader {
    static final String PREFIX = "inst/";
    private static final String API = "dev.egressguard.api.";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;
    /** The CLI runs without the bootstrap path, so the API classes are served from the jar too. */
    private final boolean serveApi;

    AgentClassLoader(File jarFile, boolean serveApi) throws IOException {
        super("egress-guard", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(jarFile, false);
        this.jarUrl = "jar:" + jarFile.toURI() + "!/";
        this.domain = new ProtectionDomain(new CodeSource(jarFile.toURI().toURL(), (Certificate[]) null), null,
                this, null);
        this.serveApi = serveApi;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/');
        JarEntry entry = jar.getJarEntry(PREFIX + path + ".classdata");
        if (entry == null && serveApi && name.startsWith(API)) {
            entry = jar.getJarEntry(path + ".class");
        }
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, domain);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    @Override
    protected URL findResource(String name) {
        String entry = entryName(name);
        if (entry == null || jar.getJarEntry(entry) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + entry);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
    }

    /** Where a resource lives in the jar: classes (Byte Buddy reads advice as resources) as .classdata. */
    private static String entryName(String name) {
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.endsWith(".class")) {
            return PREFIX + name.substring(0, name.length() - ".class".length()) + ".classdata";
        }
        return PREFIX + name;
    }
}
