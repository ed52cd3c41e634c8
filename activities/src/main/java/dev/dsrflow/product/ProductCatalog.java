package dev.dsrflow.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products dsrflow knows, in configuration order. */
public final class ProductCatalog {
    private final Map<String, ProductSettings> products = new LinkedHashMap<>();

    public ProductCatalog(List<ProductSettings> settings) {
        for (ProductSettings s : settings) {
            if (products.put(s.id(), s) != null) {
                throw new IllegalArgumentException("product declared twice: " + s.id());
            }
        }
    }

    public List<ProductSettings> all() {
        return new ArrayList<>(products.values());
    }

    public List<String> ids() {
        return List.copyOf(products.keySet());
    }

    public Optional<ProductSettings> find(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public ProductSettings get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown product: " + id));
    }
}
