#include "render/raster.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace eventgraph {

namespace {

constexpr double kMaxImageSide = 32767;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct HandleDeleter {
  void operator()(RsvgHandle* handle) const { g_object_unref(handle); }
};
struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

std::string take_error(GError* error, std::string_view what) {
  std::string message(what);
  if (error) {
    message += ": ";
    message += error->message;
    g_error_free(error);
  }
  return message;
}

}  // namespace

RasterResult convert_svg(std::string_view svg, RasterFormat format, double scale) {
  RasterResult result;
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, HandleDeleter> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    result.error = take_error(error, "cannot read the svg");
    return result;
  }
  double width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 ||
      height <= 0) {
    result.error = "the svg has no size";
    return result;
  }
  const bool png = format == RasterFormat::png;
  if (png) {
    // Cairo's image surfaces stop at 32767 pixels a side: give up the
    // extra density first, and say so when even one pixel per pixel is too big.
    scale = std::min({scale, kMaxImageSide / width, kMaxImageSide / height});
    if (scale < 1) {
      result.error = "the picture is too large for a png (" + std::to_string(std::lround(width)) +
                     " x " + std::to_string(std::lround(height)) +
                     " px; at most 32767 a side): write .svg or .pdf instead";
      return result;
    }
  } else {
    scale = 0.75;  // PDF points per CSS pixel
  }
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      png ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                       static_cast<int>(std::lround(width * scale)),
                                       static_cast<int>(std::lround(height * scale)))
          : cairo_pdf_surface_create_for_stream(append_bytes, &result.bytes, width * scale,
                                                height * scale));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    result.error = "cannot create a drawing surface";
    return result;
  }
  if (!png) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "eventgraph");
  }
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    const RsvgRectangle viewport{0, 0, width, height};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
      result.error = take_error(error, "cannot draw the svg");
      result.bytes.clear();
      return result;
    }
  }
  if (png) {
    if (cairo_surface_write_to_png_stream(surface.get(), append_bytes, &result.bytes) !=
        CAIRO_STATUS_SUCCESS) {
      result.error = "cannot encode the png";
      result.bytes.clear();
    }
  } else {
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      result.error = "cannot write the pdf";
      result.bytes.clear();
    }
  }
  return result;
}

}  // namespace eventgraph
