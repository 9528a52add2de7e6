#include "render/raster.h"

// Only the declarations: the libraries themselves are loaded on first use.
#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace eventgraph {

namespace {

// librsvg and cairo, with the 38 more libraries they need, are loaded when
// the first picture is converted rather than when eventgraph starts: linked
// in, they made every command start in 38 ms instead of 14 ms (an empty
// program linked both ways, measured here), and only PNG and PDF output
// needs them.
//
// Each function raster.cpp calls, named once with the library it comes
// from: the list declares the pointers and looks them up, so the two cannot
// disagree.
#define EVENTGRAPH_RASTER_FUNCTIONS(X)              \
  X(rsvg, rsvg_handle_new_from_data)                \
  X(rsvg, rsvg_handle_get_intrinsic_size_in_pixels) \
  X(rsvg, rsvg_handle_render_document)              \
  X(gobject, g_object_unref)                        \
  X(glib, g_error_free)                             \
  X(cairo, cairo_image_surface_create)              \
  X(cairo, cairo_pdf_surface_create_for_stream)     \
  X(cairo, cairo_pdf_surface_set_metadata)          \
  X(cairo, cairo_surface_status)                    \
  X(cairo, cairo_surface_write_to_png_stream)       \
  X(cairo, cairo_surface_finish)                    \
  X(cairo, cairo_surface_destroy)                   \
  X(cairo, cairo_create)                            \
  X(cairo, cairo_scale)                             \
  X(cairo, cairo_destroy)

struct RasterLibraries {
#define EVENTGRAPH_DECLARE(library, name) decltype(&::name) name = nullptr;
  EVENTGRAPH_RASTER_FUNCTIONS(EVENTGRAPH_DECLARE)
#undef EVENTGRAPH_DECLARE
  std::string error;  ///< why they could not be loaded; empty when they were
};

// Loads them once; they stay loaded until exit.
const RasterLibraries& libraries() {
  static const RasterLibraries loaded = [] {
    RasterLibraries l;
    std::string missing;
    auto open = [&](const char* name) {
      void* library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (!library && missing.empty()) missing = dlerror();
      return library;
    };
    void* rsvg = open("librsvg-2.so.2");
    void* cairo = open("libcairo.so.2");
    void* gobject = open("libgobject-2.0.so.0");
    void* glib = open("libglib-2.0.so.0");
    constexpr std::string_view kInstall = " (install the Debian package 'librsvg2-2')";
    if (!missing.empty()) {
      l.error = "cannot load " + missing + std::string(kInstall);
      return l;
    }
    auto find = [&](void* library, const char* name, auto& function) {
      function =
          reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
      if (!function && missing.empty()) missing = name;
    };
#define EVENTGRAPH_FIND(library, name) find(library, #name, l.name);
    EVENTGRAPH_RASTER_FUNCTIONS(EVENTGRAPH_FIND)
#undef EVENTGRAPH_FIND
    if (!missing.empty()) l.error = "librsvg or cairo lacks " + missing + std::string(kInstall);
    return l;
  }();
  return loaded;
}

#undef EVENTGRAPH_RASTER_FUNCTIONS

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct HandleDeleter {
  void operator()(RsvgHandle* handle) const { libraries().g_object_unref(handle); }
};
struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { libraries().cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { libraries().cairo_destroy(cr); }
};

std::string take_error(GError* error, std::string_view what) {
  std::string message(what);
  if (error) {
    message += ": ";
    message += error->message;
    libraries().g_error_free(error);
  }
  return message;
}

}  // namespace

std::string png_size_error(double width, double height) {
  if (width <= kMaxPngSide && height <= kMaxPngSide && width * height <= kMaxPngPixels) return {};
  return "the picture is too large for a png (" + std::to_string(std::lround(width)) + " x " +
         std::to_string(std::lround(height)) +
         " px; at most 32767 a side and 100 million pixels): write .svg or .pdf instead";
}

RasterResult convert_svg(std::string_view svg, RasterFormat format, double scale) {
  RasterResult result;
  const RasterLibraries& api = libraries();
  if (!api.error.empty()) {
    result.error = api.error;
    return result;
  }
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, HandleDeleter> handle(api.rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    result.error = take_error(error, "cannot read the svg");
    return result;
  }
  double width = 0, height = 0;
  if (!api.rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 ||
      height <= 0) {
    result.error = "the svg has no size";
    return result;
  }
  const bool png = format == RasterFormat::png;
  if (png) {
    // Give up the extra density first, and say so when even one pixel per
    // pixel is too big.
    result.error = png_size_error(width, height);
    if (!result.ok()) return result;
    scale = std::min({scale, kMaxPngSide / width, kMaxPngSide / height,
                      std::sqrt(kMaxPngPixels / (width * height))});
  } else {
    scale = 0.75;  // PDF points per CSS pixel
  }
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      png ? api.cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                           static_cast<int>(std::lround(width * scale)),
                                           static_cast<int>(std::lround(height * scale)))
          : api.cairo_pdf_surface_create_for_stream(append_bytes, &result.bytes, width * scale,
                                                    height * scale));
  if (api.cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    result.error = "cannot create a drawing surface";
    return result;
  }
  if (!png) {
    api.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                       "2000-01-01T00:00:00Z");
    api.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "eventgraph");
  }
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(api.cairo_create(surface.get()));
    api.cairo_scale(cr.get(), scale, scale);
    const RsvgRectangle viewport{0, 0, width, height};
    if (!api.rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
      result.error = take_error(error, "cannot draw the svg");
      result.bytes.clear();
      return result;
    }
  }
  if (png) {
    if (api.cairo_surface_write_to_png_stream(surface.get(), append_bytes, &result.bytes) !=
        CAIRO_STATUS_SUCCESS) {
      result.error = "cannot encode the png";
      result.bytes.clear();
    }
  } else {
    api.cairo_surface_finish(surface.get());
    if (api.cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      result.error = "cannot write the pdf";
      result.bytes.clear();
    }
  }
  return result;
}

}  // namespace eventgraph
