// One exception type per tm_status family. The library's message is read on the calling
// thread right after the failed call (the last error is per thread), before control can
// return to an await or another call.
using System;

namespace TransformModel
{
    /// The tm_status codes of the C API.
    public enum Status
    {
        Ok = 0, InvalidArgument = 1, NullPointer = 2, InvalidUtf8 = 3, ParseError = 4,
        ValidationError = 5, AnonymityRefused = 6, IoError = 7, OutOfRange = 8, BufferTooSmall = 9, Panic = 99
    }

    /// Any failure of the library: the status and the library's message.
    public class TransformModelException : Exception
    {
        public Status Status { get; }
        public TransformModelException(Status status, string message) : base(message) { Status = status; }
    }

    /// An option or argument value the library cannot use (TM_STATUS_INVALID_ARGUMENT).
    public class InvalidOptionException : TransformModelException
    {
        public InvalidOptionException(string message) : base(Status.InvalidArgument, message) { }
    }

    /// A required argument was null (TM_STATUS_NULL_POINTER).
    public class NullArgumentException : TransformModelException
    {
        public NullArgumentException(string message) : base(Status.NullPointer, message) { }
    }

    /// A string was not valid UTF-8 (TM_STATUS_INVALID_UTF8).
    public class InvalidUtf8Exception : TransformModelException
    {
        public InvalidUtf8Exception(string message) : base(Status.InvalidUtf8, message) { }
    }

    /// JSON or CSV text could not be read (TM_STATUS_PARSE_ERROR).
    public class ParseException : TransformModelException
    {
        public ParseException(string message) : base(Status.ParseError, message) { }
    }

    /// The input breaks a rule: unknown id, value outside the scale, … (TM_STATUS_VALIDATION_ERROR).
    public class ValidationException : TransformModelException
    {
        public ValidationException(string message) : base(Status.ValidationError, message) { }
    }

    /// Too few respondents to report anything without breaking anonymity (TM_STATUS_ANONYMITY_REFUSED).
    public class AnonymityRefusedException : TransformModelException
    {
        public AnonymityRefusedException(string message) : base(Status.AnonymityRefused, message) { }
    }

    /// A file could not be read or written (TM_STATUS_IO_ERROR).
    public class FileAccessException : TransformModelException
    {
        public FileAccessException(string message) : base(Status.IoError, message) { }
    }

    /// An index past the end of a result (TM_STATUS_OUT_OF_RANGE).
    public class IndexOutOfResultException : TransformModelException
    {
        public IndexOutOfResultException(string message) : base(Status.OutOfRange, message) { }
    }

    /// A bug in the library: it panicked (TM_STATUS_PANIC). Please report the message.
    public class InternalLibraryException : TransformModelException
    {
        public InternalLibraryException(string message) : base(Status.Panic, message) { }
    }

    internal static class Errors
    {
        /// Throws the exception of a non-OK status with the message of the calling thread.
        internal static void Check(Status status)
        {
            if (status != Status.Ok) throw For(status, LastError());
        }

        internal static TransformModelException For(Status status, string message)
        {
            switch (status)
            {
                case Status.InvalidArgument: return new InvalidOptionException(message);
                case Status.NullPointer: return new NullArgumentException(message);
                case Status.InvalidUtf8: return new InvalidUtf8Exception(message);
                case Status.ParseError: return new ParseException(message);
                case Status.ValidationError: return new ValidationException(message);
                case Status.AnonymityRefused: return new AnonymityRefusedException(message);
                case Status.IoError: return new FileAccessException(message);
                case Status.OutOfRange: return new IndexOutOfResultException(message);
                case Status.Panic: return new InternalLibraryException(message);
                default: return new TransformModelException(status, message);
            }
        }

        /// The last error message of this thread (empty after a success).
        internal static string LastError()
        {
            var buf = new byte[(long)(ulong)Native.tm_last_error_length() + 1];
            Native.tm_last_error_message(buf, (UIntPtr)buf.Length, out UIntPtr written);
            int n = (int)Math.Min((ulong)written, (ulong)buf.Length - 1);
            return Utf8.Decode(buf, n);
        }
    }
}
