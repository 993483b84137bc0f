namespace FullAuth.Infrastructure; public static class Marker {}
