#include "web/server.h"

#include <fmt/format.h>

#include <stdexcept>

#include "web/page.h"
#include "web/routes/routes.h"

namespace hsg::web {

namespace {

constexpr std::size_t kMaxBodyBytes = 1 << 20;

std::unique_ptr<httplib::Server> make_server(const ServeOptions& options) {
  if (options.tls_certificate) {
    auto server = std::make_unique<httplib::SSLServer>(options.tls_certificate->c_str(),
                                                       options.tls_key->c_str());
    if (!server->is_valid()) {
      throw std::runtime_error(fmt::format("cannot use the TLS certificate {} with the key {}",
                                           options.tls_certificate->string(),
                                           options.tls_key->string()));
    }
    return server;
  }
  return std::make_unique<httplib::Server>();
}

// What the router answers for a path no route matches, or a method no route takes: the
// same headers as every other answer, and a short text.
httplib::Server::HandlerResponse unmatched(const httplib::Request&, httplib::Response& response) {
  if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Cache-Control", "no-store");
  response.set_content(response.status == 404 ? "Not found\n" : "Refused\n",
                       "text/plain; charset=utf-8");
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

Server::Server(ServeOptions options, Clock clock)
    : state_(std::move(options), std::move(clock)),
      routes_(server_routes()),
      http_(make_server(state_.options)) {
  const std::size_t threads = state_.options.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_payload_max_length(kMaxBodyBytes);
  http_->set_read_timeout(10);
  http_->set_write_timeout(10);
  http_->set_keep_alive_timeout(5);
  http_->set_keep_alive_max_count(1000);
  http_->set_tcp_nodelay(true);
  http_->set_error_handler(httplib::Server::HandlerWithResponse(unmatched));
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        // Only if a refusal page itself failed (route_table.cpp catches handlers' errors):
        // say nothing of the cause.
        response.status = 500;
        response.set_content("Internal error\n", "text/plain; charset=utf-8");
      });
  routes_.install(*http_, state_);
}

Server::~Server() { stop(); }

int Server::bind() {
  const ServeOptions& options = state_.options;
  if (options.port == 0) {
    port_ = http_->bind_to_any_port(options.host);
    if (port_ <= 0) {
      throw std::runtime_error(fmt::format("cannot listen on {}:0", options.host));
    }
  } else {
    if (!http_->bind_to_port(options.host, options.port)) {
      throw std::runtime_error(fmt::format("cannot listen on {}:{}", options.host, options.port));
    }
    port_ = options.port;
  }
  return port_;
}

bool Server::run() {
  if (stopping_) return true;
  return http_->listen_after_bind() || stopping_;
}

void Server::stop() {
  stopping_ = true;
  http_->stop();
}

std::string Server::url() const {
  const std::string& host = state_.options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}", state_.options.tls_certificate ? "https" : "http",
                     ipv6 ? "[" : "", host, ipv6 ? "]" : "", port_);
}

}  // namespace hsg::web
