#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>

namespace Nimbus {

// Core's one error convention (CONTRIBUTING.md, "Errors"): an operation that can fail
// returns a Result<T>, the value or the Error that says what went wrong and where, in
// words a user reads ("shop.nimbus: the file was written by a newer Nimbus (schema 9)").
// No out-parameters, no errorString() kept beside the object; failures that happen later,
// in a worker or a process, arrive as a signal carrying an Error.
//
//     Result<Project *> loaded = ProjectFile::load(path);
//     if (!loaded)
//         return showError(loaded.error().message);
//     use(*loaded);
//
// A function returns a value or `Error{...}` (or `fail(...)`); Result<void> returns `{}`
// for success.
struct Error
{
    QString message;
};

inline Error fail(const QString &message)
{
    return Error{message};
}

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : mValue(value) { }
    Result(T &&value) : mValue(std::move(value)) { }
    template<typename U,
             typename = std::enable_if_t<std::is_convertible_v<U &&, T> && !std::is_same_v<std::decay_t<U>, Error>>>
    Result(U &&value) : mValue(T(std::forward<U>(value)))
    { }
    Result(const Error &error) : mError(error) { }
    Result(Error &&error) : mError(std::move(error)) { }

    bool hasValue() const { return mValue.has_value(); }
    explicit operator bool() const { return hasValue(); }

    // The value; only when hasValue().
    T &value() & { return *mValue; }
    const T &value() const & { return *mValue; }
    T &&value() && { return std::move(*mValue); }
    T &operator*() & { return *mValue; }
    const T &operator*() const & { return *mValue; }
    T &&operator*() && { return std::move(*mValue); }
    T *operator->() { return &*mValue; }
    const T *operator->() const { return &*mValue; }
    T valueOr(T fallback) const { return mValue ? *mValue : std::move(fallback); }

    // The error; empty message when hasValue().
    const Error &error() const { return mError; }
    const QString &errorMessage() const { return mError.message; }

private:
    std::optional<T> mValue;
    Error mError;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : mFailed(true), mError(error) { }
    Result(Error &&error) : mFailed(true), mError(std::move(error)) { }

    bool hasValue() const { return !mFailed; }
    explicit operator bool() const { return !mFailed; }

    const Error &error() const { return mError; }
    const QString &errorMessage() const { return mError.message; }

private:
    bool mFailed = false;
    Error mError;
};

} // namespace Nimbus
