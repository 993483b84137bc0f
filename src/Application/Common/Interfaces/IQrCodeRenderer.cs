namespace FullAuth.Application.Common.Interfaces;

/// <summary>Renders text (an <c>otpauth://</c> URI) as a QR code.</summary>
public interface IQrCodeRenderer
{
    /// <summary>A self-contained SVG document.</summary>
    string Svg(string text);
}
