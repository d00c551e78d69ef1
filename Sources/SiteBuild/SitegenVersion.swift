/// The released version of sitegen, printed by `--version` and part of the build cache key.
public enum SitegenVersion {
    public static let current = "0.1.0"
}
