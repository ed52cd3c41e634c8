package dev.dsrflow.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

/** How every console page is answered: HTML that no cache keeps. */
final class Pages {
    private Pages() {}

    static MutableHttpResponse<ModelAndView<?>> html(ModelAndView<?> view) {
        return HttpResponse.<ModelAndView<?>>ok(view)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store");
    }
}
